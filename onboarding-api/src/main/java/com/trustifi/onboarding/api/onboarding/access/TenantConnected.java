package com.trustifi.onboarding.api.onboarding.access;

import java.util.Optional;
import java.util.UUID;

/**
 * Fired, inside the consent's transaction, when a tenant's administrator has connected the tenant
 * to a partner; {@code previousPartnerId} is the partner it was connected to before, if any.
 */
public record TenantConnected(UUID partnerId, String tenantId, Optional<UUID> previousPartnerId) {
}
