package com.trustifi.onboarding.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the API asks the worker to do for one tenant. Published on the commands topic keyed by
 * tenant id, so that all commands for one tenant are consumed in order.
 *
 * @param generation the tenant's generation when the command was issued: the API raises it with
 *                   every command and every cancel for the tenant, and the worker drops a command
 *                   whose tenant has moved past it ({@link TenantGeneration}). 0 for commands from
 *                   before generations, which are never fenced.
 */
public record ProvisioningCommand(
        int schemaVersion,
        UUID commandId,
        UUID onboardingId,
        String tenantId,
        CommandKind kind,
        RelayConfiguration relay,
        Instant issuedAt,
        long generation) {

    public static final int SCHEMA_VERSION = 1;

    public ProvisioningCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(onboardingId, "onboardingId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relay, "relay");
    }
}
