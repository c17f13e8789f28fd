package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.connection.consent.ConnectLink;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ConnectLinkView(
        @Schema(description = "Send this to the customer's Global Administrator: Microsoft's admin-consent page for the app")
        URI consentUrl,
        @Schema(description = "The tenant the link is for; absent when any tenant's administrator may use it")
        String tenantId,
        @Schema(description = "The link works once, until then")
        Instant expiresAt) {

    static ConnectLinkView of(ConnectLink link) {
        return new ConnectLinkView(link.consentUrl(), link.tenantId(), link.expiresAt());
    }
}
