package com.trustifi.onboarding.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the API asks the worker to do for one tenant. Published on the commands topic keyed by
 * tenant id, so that all commands for one tenant are consumed in order.
 */
public record ProvisioningCommand(
        int schemaVersion,
        UUID commandId,
        UUID onboardingId,
        String tenantId,
        CommandKind kind,
        RelayConfiguration relay,
        Instant issuedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ProvisioningCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(onboardingId, "onboardingId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relay, "relay");
    }
}
