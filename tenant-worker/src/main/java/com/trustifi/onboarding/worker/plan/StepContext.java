package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayProfile;
import java.util.List;
import java.util.Optional;

/**
 * One command as the steps see it. The relay secret is decrypted once per command and kept only
 * here, in memory; {@link #toString()} leaves it out.
 */
public record StepContext(ProvisioningCommand command, Mode mode, Optional<String> relaySecret) {

    public String tenantId() {
        return command.tenantId();
    }

    public RelayProfile profile() {
        return command.relay().profile();
    }

    public List<String> relayDomains() {
        return command.relay().relayDomains();
    }

    public boolean writes() {
        return mode == Mode.APPLY;
    }

    public StepContext withMode(Mode other) {
        return new StepContext(command, other, relaySecret);
    }

    @Override
    public String toString() {
        return "StepContext[" + command.kind() + " " + command.tenantId() + " " + mode + "]";
    }
}
