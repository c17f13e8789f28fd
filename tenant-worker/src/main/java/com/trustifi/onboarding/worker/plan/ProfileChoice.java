package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.RelayProfile;
import java.util.Optional;

/** The relay profile the tenant check chose for one command, for the steps after it. Lives as long as the command runs. */
final class ProfileChoice {

    private RelayProfile chosen;

    void choose(RelayProfile profile) {
        chosen = profile;
    }

    Optional<RelayProfile> chosen() {
        return Optional.ofNullable(chosen);
    }
}
