package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.database.DatabaseUnreachable;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.webhook.Webhooks;
import com.trustifi.onboarding.model.StatusEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the worker's status events. The offset is committed only after the transaction, so an
 * event is applied at least once, and the processed-event table makes "at least once" "once".
 * While PostgreSQL cannot be reached, the event at hand is tried again, with backoff, for as long
 * as the outage lasts: nacking it would send it through the retry topics to the dead-letter topic,
 * and its onboarding would never finish.
 */
@ApplicationScoped
public class StatusEventConsumer {

    private static final Logger LOG = Logger.getLogger(StatusEventConsumer.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(15);

    private final Clock clock;
    private final Webhooks webhooks;

    StatusEventConsumer(Clock clock, Webhooks webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @Incoming("provisioning-status")
    @Blocking
    public void apply(StatusEvent event) throws InterruptedException {
        if (event == null) {
            // nacked: after the channel's delayed retries the unreadable record ends on the dead-letter topic
            throw new IllegalArgumentException("A record on the status topic is not a status event");
        }
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(event));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnreachable.isCauseOf(e)) {
                    throw e;
                }
                LOG.warnf("PostgreSQL is unreachable; status event %s is applied again in %s", event.eventId(), wait);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void applyOnce(StatusEvent event) {
        if (ProcessedEvent.findById(event.eventId()) != null) {
            LOG.debugf("Status event %s was already applied", event.eventId());
            return;
        }
        ProcessedEvent.of(event.eventId(), event.onboardingId(), clock.instant()).persist();
        Onboarding onboarding = Onboarding.lockedForUpdate(event.onboardingId()).orElse(null);
        if (onboarding == null) {
            LOG.warnf("Status event %s names unknown onboarding %s", event.eventId(), event.onboardingId());
            return;
        }
        OnboardingStatus before = onboarding.status;
        onboarding.apply(event);
        webhooks.statusApplied(onboarding, before, event);
    }
}
