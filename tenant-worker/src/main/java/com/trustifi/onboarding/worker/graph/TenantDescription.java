package com.trustifi.onboarding.worker.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What Graph says about a tenant that decides whether the relay can be set up. */
public record TenantDescription(String displayName, OffsetDateTime createdDateTime, List<TenantDomain> domains) {

    public record TenantDomain(String name, boolean verified, boolean emailEnabled) {
    }

    public Optional<TenantDomain> domain(String name) {
        return domains.stream().filter(domain -> domain.name().equalsIgnoreCase(name)).findFirst();
    }
}
