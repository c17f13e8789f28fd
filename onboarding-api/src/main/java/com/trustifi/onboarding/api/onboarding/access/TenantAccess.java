package com.trustifi.onboarding.api.onboarding.access;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Whether a partner may act on a tenant: its administrator connected the tenant to that partner, and the consent
 * still holds. Tenant connections answer it; onboarding only asks, so it does not depend on how a tenant is connected.
 */
public interface TenantAccess {

    /**
     * @throws TenantNotConnectedException unless the tenant is connected to the partner; or another refusal that says
     *                                     what its administrator must do
     */
    void requireConnected(UUID partnerId, String tenantId);

    /**
     * The tenant is connected to the partner, whatever Entra says of the app's consent there now: enough to check the
     * connection, which is how a consent given back outside a connect link is seen.
     *
     * @throws TenantNotConnectedException unless it is
     */
    void requireHeld(UUID partnerId, String tenantId);

    /** Why the partner may not act on each of these tenants that it may not act on; the others are absent. */
    Map<String, String> refusedAmong(UUID partnerId, Collection<String> tenantIds);
}
