package com.trustifi.onboarding.simulator;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A tenant to create in the simulator.
 *
 * @param tenantId         directory (tenant) id, a GUID
 * @param initialDomain    the {@code x.onmicrosoft.com} domain every tenant starts with; it need not be repeated in {@code domains}
 * @param displayName      organization display name; defaults to the initial domain's first label
 * @param createdDateTime  when the organization was created; defaults to now
 * @param domains          further domains (custom domains); may be null or empty
 */
public record TenantSpec(String tenantId, String initialDomain, String displayName,
                         OffsetDateTime createdDateTime, List<DomainSpec> domains) {
}
