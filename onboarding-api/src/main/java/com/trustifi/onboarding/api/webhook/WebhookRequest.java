package com.trustifi.onboarding.api.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to send a partner's events, and which ones. */
public record WebhookRequest(
        @Schema(description = "An http or https URL; in production it must not point at a private address",
                examples = "https://portal.example/hooks/onboarding")
        @NotBlank @Size(max = 2000) String url,

        @Schema(description = "The secret events are signed with (HMAC-SHA256); absent, one is generated and shown once")
        @Size(min = 16, max = 200) String secret,

        @Schema(description = "TERMINAL: when an onboarding ends; ALL_STEPS: also each step's outcome")
        @NotNull WebhookEvents events) {

    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + ", events=" + events + "]";
    }
}
