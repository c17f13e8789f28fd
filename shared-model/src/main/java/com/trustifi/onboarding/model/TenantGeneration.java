package com.trustifi.onboarding.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's current generation, published on the compacted {@code tenant-generations} topic keyed
 * by tenant id whenever the API cancels a tenant's command. A command of an older generation is
 * stale: the worker stops it at its next step and runs nothing of it again.
 */
public record TenantGeneration(int schemaVersion, String tenantId, long generation, Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "tenant-generations";

    public TenantGeneration {
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
