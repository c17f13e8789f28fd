package com.trustifi.onboarding.api.rest;

import com.trustifi.onboarding.api.connection.TenantConnection;
import java.time.Instant;

/** A tenant connected to the calling partner by its administrator's consent. */
public record TenantConnectionView(String tenantId, Instant connectedAt) {

    static TenantConnectionView of(TenantConnection connection) {
        return new TenantConnectionView(connection.tenantId, connection.connectedAt);
    }
}
