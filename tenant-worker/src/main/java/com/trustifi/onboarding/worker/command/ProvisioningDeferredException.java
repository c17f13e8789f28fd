package com.trustifi.onboarding.worker.command;

import com.trustifi.onboarding.model.ProvisioningCommand;

/** Nacks a command so that the channel's delayed-retry strategy delivers it again later. */
class ProvisioningDeferredException extends RuntimeException {

    ProvisioningDeferredException(ProvisioningCommand command) {
        super("Deferred " + command.kind() + " " + command.onboardingId() + " for tenant " + command.tenantId(), null, false, false);
    }
}
