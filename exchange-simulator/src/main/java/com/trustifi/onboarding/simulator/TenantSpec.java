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
 * @param dehydrated       whether Exchange refuses changes until Enable-OrganizationCustomization runs
 * @param configuration    cmdlets that built the tenant's existing Exchange configuration (e.g. a vendor's transport rule),
 *                         applied in order at creation, before dehydration takes effect; may be null or empty
 */
public record TenantSpec(String tenantId, String initialDomain, String displayName, OffsetDateTime createdDateTime,
                         List<DomainSpec> domains, boolean dehydrated, List<CmdletInvocation> configuration) {

    public TenantSpec {
        configuration = configuration == null ? List.of() : List.copyOf(configuration);
    }

    /** A customized tenant with no Exchange configuration of its own yet. */
    public TenantSpec(String tenantId, String initialDomain, String displayName, OffsetDateTime createdDateTime, List<DomainSpec> domains) {
        this(tenantId, initialDomain, displayName, createdDateTime, domains, false, List.of());
    }
}
