package com.trustifi.onboarding.api.onboarding.access;

/**
 * The tenant is not connected to the calling partner. Said the same way whether the tenant is
 * connected to another partner or to none, so that it tells nothing about other partners.
 */
public class TenantNotConnectedException extends RuntimeException {

    public static final String REASON = "is not connected to you: its administrator must first grant consent through a "
            + "connect link (POST /v1/tenant-connections); tenants are connected by their tenant id (GUID)";

    public TenantNotConnectedException() {
        super("The tenant is not connected to you; nothing was stored");
    }
}
