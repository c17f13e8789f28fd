package com.trustifi.onboarding.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's webhook; the secret appears only in the answer that generated it. */
public record WebhookView(
        String url,
        WebhookEvents events,
        @Schema(description = "The generated signing secret, only in the response that generated it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret,
        Instant updatedAt) {

    static WebhookView of(Webhook webhook, String generatedSecret) {
        return new WebhookView(webhook.url, webhook.events, generatedSecret, webhook.updatedAt);
    }

    @Override
    public String toString() {
        return "WebhookView[url=" + url + "]";
    }
}
