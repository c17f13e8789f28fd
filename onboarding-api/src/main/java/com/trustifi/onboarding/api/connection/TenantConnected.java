package com.trustifi.onboarding.api.connection;

import java.util.UUID;

/** Fired, inside the consent's transaction, when a tenant's administrator has connected the tenant to a partner. */
public record TenantConnected(UUID partnerId, String tenantId) {
}
