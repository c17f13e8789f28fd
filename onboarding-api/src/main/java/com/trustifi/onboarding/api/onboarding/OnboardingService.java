package com.trustifi.onboarding.api.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accepts onboardings: the row and its provisioning command are stored in one transaction. */
@ApplicationScoped
public class OnboardingService {

    private final Clock clock;

    OnboardingService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Onboarding accept(String tenantId, List<String> relayDomains) {
        Optional<Onboarding> active = Onboarding.activeFor(tenantId);
        if (active.isPresent()) {
            throw new OnboardingInProgressException(active.get().id);
        }
        Instant now = clock.instant();
        Onboarding onboarding = Onboarding.accept(tenantId, relayDomains, now);
        onboarding.persist();
        var command = new ProvisioningCommand(
                ProvisioningCommand.SCHEMA_VERSION,
                UUID.randomUUID(),
                onboarding.id,
                tenantId,
                CommandKind.ONBOARD,
                new RelayConfiguration(relayDomains, RelayProfile.organizationConnector()),
                now);
        OutboxMessage.of(tenantId, toJson(command), now).persist();
        return onboarding;
    }

    @Transactional
    public Optional<Onboarding> find(UUID id) {
        return Onboarding.<Onboarding>findByIdOptional(id).map(onboarding -> {
            onboarding.steps.size();
            return onboarding;
        });
    }

    private static String toJson(ProvisioningCommand command) {
        try {
            return WireJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A provisioning command could not be written", e);
        }
    }
}
