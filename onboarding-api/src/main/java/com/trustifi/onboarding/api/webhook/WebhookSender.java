package com.trustifi.onboarding.api.webhook;

import com.trustifi.onboarding.api.config.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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
 * tries. Runs on the scheduler's thread, apart from status processing, and calls endpoints outside
 * any transaction. Redirects are not followed, so that a partner's endpoint cannot send the call on
 * to an address that would have been refused.
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

    @Scheduled(every = "${onboarding.webhook.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        List<Call> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
            claimed.forEach(this::attempt);
        } while (claimed.size() == config.batchSize());
    }

    /** One delivery as it is sent: everything the call needs, read before any endpoint is called. */
    private record Call(long deliveryId, int attempt, Optional<Webhook> webhook, String secret, String payload) {
    }

    /**
     * Claims due deliveries by moving their next attempt past the time a call can take, and commits
     * at once: no row stays locked, and no transaction stays open, while an endpoint answers. A
     * sender that dies after claiming leaves the rows due again once the claim runs out.
     */
    private List<Call> claimDue() {
        Instant now = clock.instant();
        // the calls of a batch are made one after another: the claim must outlast them all
        Instant claimedUntil = now.plus(config.timeout().multipliedBy(config.batchSize() + 1L));
        return WebhookDelivery.lockDue(now, config.batchSize()).stream().map(delivery -> {
            delivery.attempts++;
            delivery.nextAttemptAt = claimedUntil;
            Optional<Webhook> webhook = Webhook.findByIdOptional(delivery.partnerId);
            return new Call(delivery.id, delivery.attempts, webhook, webhook.map(webhooks::secretOf).orElse(null), delivery.payload);
        }).toList();
    }

    private void attempt(Call call) {
        Optional<String> failure = call.webhook().isEmpty() ? Optional.of("the webhook was removed")
                : targets.refusal(call.webhook().get().url).map(reason -> "the URL " + reason)
                        .or(() -> post(call.webhook().get().url, call.secret(), call.payload()));
        QuarkusTransaction.requiringNew().run(() -> record(call, failure));
    }

    private void record(Call call, Optional<String> failure) {
        WebhookDelivery delivery = WebhookDelivery.findById(call.deliveryId());
        Instant now = clock.instant();
        if (failure.isEmpty()) {
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            return;
        }
        delivery.lastError = failure.get().length() > MAX_ERROR_LENGTH ? failure.get().substring(0, MAX_ERROR_LENGTH) : failure.get();
        boolean givingUp = call.webhook().isEmpty() || call.attempt() >= config.maxAttempts();
        delivery.nextAttemptAt = givingUp ? null : now.plus(backoff(call.attempt()));
        LOG.debugf("Webhook delivery %s failed (try %s): %s", call.deliveryId(), (Integer) call.attempt(), delivery.lastError);
    }

    /** Why the call failed, or empty when the endpoint took the event. */
    private Optional<String> post(String url, String secret, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.of(secret, timestamp, body))
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
