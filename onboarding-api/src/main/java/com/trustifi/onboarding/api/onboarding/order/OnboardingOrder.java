package com.trustifi.onboarding.api.onboarding.order;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfileName;
import java.util.List;
import java.util.UUID;

/** What the worker is to do for one tenant, as validated and normalized by the API. */
public record OnboardingOrder(
        CommandKind kind,
        String tenantId,
        UUID relayAccountId,
        List<String> relayDomains,
        RelayConfiguration.LimitedScope limitedScope,
        String testRecipient,
        RelayProfileName profile) {

    public OnboardingOrder {
        relayDomains = List.copyOf(relayDomains);
    }
}
