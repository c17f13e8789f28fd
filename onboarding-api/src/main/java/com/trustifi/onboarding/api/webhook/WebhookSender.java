package com.trustifi.onboarding.api.webhook;

import com.trustifi.onboarding.api.config.WebhookConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook events: POST with the signature headers; a 2xx answer delivers the event,
 * anything else is tried again after a wait that doubles each time, up to the configured number of
 * tries. Runs on the scheduler's thread, apart from status processing. Redirects are not followed,
 * so that a partner's endpoint cannot send the call on to an address that would have been refused.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(Webhooks webhooks, WebhookTargets targets, WebhookConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${onboarding.webhook.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int sent;
        do {
            sent = sendBatch();
        } while (sent == config.batchSize());
    }

    @Transactional
    int sendBatch() {
        List<WebhookDelivery> due = WebhookDelivery.lockDue(clock.instant(), config.batchSize());
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(WebhookDelivery delivery) {
        Optional<Webhook> webhook = Webhook.findByIdOptional(delivery.partnerId);
        if (webhook.isEmpty()) {
            delivery.nextAttemptAt = null;
            delivery.lastError = "the webhook was removed";
            return;
        }
        delivery.attempts++;
        Optional<String> failure = targets.refusal(webhook.get().url).map(reason -> "the URL " + reason)
                .or(() -> post(webhook.get(), delivery.payload));
        Instant now = clock.instant();
        if (failure.isEmpty()) {
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            return;
        }
        delivery.lastError = failure.get().length() > MAX_ERROR_LENGTH ? failure.get().substring(0, MAX_ERROR_LENGTH) : failure.get();
        delivery.nextAttemptAt = delivery.attempts >= config.maxAttempts() ? null : now.plus(backoff(delivery.attempts));
        LOG.debugf("Webhook delivery %s failed (try %s): %s", delivery.id, (Integer) delivery.attempts, delivery.lastError);
    }

    /** Why the call failed, or empty when the endpoint took the event. */
    private Optional<String> post(Webhook webhook, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(webhook.url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.of(webhooks.secretOf(webhook), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("the endpoint answered " + status);
        } catch (IOException e) {
            return Optional.of("the endpoint could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** initialBackoff * 2^(tries - 1), at most maxBackoff. */
    Duration backoff(int tries) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(tries - 1, 30));
        return wait.compareTo(config.maxBackoff()) > 0 || wait.isNegative() ? config.maxBackoff() : wait;
    }
}
