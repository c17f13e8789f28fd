package com.trustifi.onboarding.model;

import java.util.List;
import java.util.Objects;

/** The desired state for one tenant: which of its domains send through the relay, and how. */
public record RelayConfiguration(List<String> relayDomains, RelayProfile profile) {

    public RelayConfiguration {
        relayDomains = List.copyOf(relayDomains);
        Objects.requireNonNull(profile, "profile");
    }
}
