package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.onboarding.Onboarding;
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

    StatusEventConsumer(Clock clock) {
        this.clock = clock;
    }

    @Incoming("provisioning-status")
    @Blocking
    @Transactional
    public void apply(StatusEvent event) {
        if (event == null) {
            // nacked: the channel's failure strategy moves the unreadable record to the dead-letter topic
            throw new IllegalArgumentException("A record on the status topic is not a status event");
        }
        if (ProcessedEvent.findById(event.eventId()) != null) {
            LOG.debugf("Status event %s was already applied", event.eventId());
            return;
        }
        ProcessedEvent.of(event.eventId(), event.onboardingId(), clock.instant()).persist();
        Onboarding onboarding = Onboarding.findById(event.onboardingId());
        if (onboarding == null) {
            LOG.warnf("Status event %s names unknown onboarding %s", event.eventId(), event.onboardingId());
            return;
        }
        onboarding.apply(event);
    }
}
