package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.model.RelayProfileName;
import java.util.List;
import java.util.Optional;

/**
 * One command as the steps see it. The relay secret is decrypted once per command and kept only
 * here, in memory; {@link #toString()} leaves it out. What the command has read of the tenant is shared by all its
 * steps, whatever their mode.
 */
public record StepContext(ProvisioningCommand command, Mode mode, Optional<String> relaySecret, TenantReads reads,
        ProfileChoice choice) {

    public StepContext(ProvisioningCommand command, Mode mode, Optional<String> relaySecret) {
        this(command, mode, relaySecret, new TenantReads(), new ProfileChoice());
    }

    public String tenantId() {
        return command.tenantId();
    }

    /**
     * The profile the tenant check chose; before it (offboarding, rotation, which run no tenant check) the one the
     * command names, else the older tenants' one: both profiles name their objects alike, which is all those use.
     */
    public RelayProfile profile() {
        return choice.chosen().orElseGet(() -> RelayProfile.named(
                command.relay().profile() == null ? RelayProfileName.OLDER_TENANT : command.relay().profile()));
    }

    void choose(RelayProfile profile) {
        choice.choose(profile);
    }

    public List<String> relayDomains() {
        return command.relay().relayDomains();
    }

    public boolean writes() {
        return mode == Mode.APPLY;
    }

    public StepContext withMode(Mode other) {
        return new StepContext(command, other, relaySecret, reads, choice);
    }

    @Override
    public String toString() {
        return "StepContext[" + command.kind() + " " + command.tenantId() + " " + mode + "]";
    }
}
