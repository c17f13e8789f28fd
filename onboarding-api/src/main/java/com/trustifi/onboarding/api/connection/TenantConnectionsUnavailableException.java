package com.trustifi.onboarding.api.connection;

/** Connect links cannot be made: the app, its redirect URI or the state key is not configured. */
public class TenantConnectionsUnavailableException extends RuntimeException {

    public TenantConnectionsUnavailableException() {
        super("Tenant connections are not configured on this service (onboarding.tenant-connections.*): ask the operator");
    }
}
