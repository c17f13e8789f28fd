package com.trustifi.onboarding.api.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.WireJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Commands the worker gave up on reach {@code provisioning-commands-dead-letter}: their onboarding
 * fails, retryably, instead of keeping its tenant busy for ever.
 */
@ApplicationScoped
public class CommandDeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(CommandDeadLetterConsumer.class);

    private final StalledOnboardings stalled;
    private final Counter deadLetters;

    CommandDeadLetterConsumer(StalledOnboardings stalled, MeterRegistry registry) {
        this.stalled = stalled;
        this.deadLetters = Counter.builder("dead.letters").tag("topic", "provisioning-commands-dead-letter")
                .description("Records that reached a dead-letter topic").register(registry);
    }

    @Incoming("provisioning-commands-dead-letter")
    @Blocking
    @Transactional
    public void deadLettered(String payload) {
        deadLetters.increment();
        ProvisioningCommand command;
        try {
            command = WireJson.mapper().readValue(payload, ProvisioningCommand.class);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("An unreadable provisioning command reached the dead-letter topic: %s", e.getClass().getSimpleName());
            return;
        }
        LOG.warnf("%s %s for tenant %s reached the dead-letter topic", command.kind(), command.onboardingId(), command.tenantId());
        stalled.fail(command.onboardingId(), "The worker could not finish this command after all its retries",
                "Retry the onboarding; if it fails the same way, contact the service's operator");
    }
}
