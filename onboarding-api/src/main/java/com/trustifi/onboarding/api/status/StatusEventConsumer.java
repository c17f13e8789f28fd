package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.webhook.Webhooks;
import com.trustifi.onboarding.model.StatusEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the worker's status events. The offset is committed only after the transaction, so an
 * event is applied at least once, and the processed-event table makes "at least once" "once".
 */
@ApplicationScoped
public class StatusEventConsumer {

    private static final Logger LOG = Logger.getLogger(StatusEventConsumer.class);

    private final Clock clock;
    private final Webhooks webhooks;

    StatusEventConsumer(Clock clock, Webhooks webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @Incoming("provisioning-status")
    @Blocking
    @Transactional
    public void apply(StatusEvent event) {
        if (event == null) {
            // nacked: after the channel's delayed retries the unreadable record ends on the dead-letter topic
            throw new IllegalArgumentException("A record on the status topic is not a status event");
        }
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
