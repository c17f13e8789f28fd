package com.trustifi.onboarding.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All tenants, findable by GUID or by any of their domains. Lookups are lock-free; registration is serialized
 * so that two tenants can never both claim one domain.
 */
public final class TenantRegistry {

    private final Map<String, SimulatedTenant> byName = new ConcurrentHashMap<>();
    private final List<SimulatedTenant> inCreationOrder = new CopyOnWriteArrayList<>();

    /** @throws TenantConflictException when the GUID or a domain already belongs to a tenant */
    public synchronized SimulatedTenant register(SimulatedTenant tenant) {
        for (String name : tenant.names()) {
            SimulatedTenant owner = byName.get(name);
            if (owner != null) {
                throw new TenantConflictException("'" + name + "' already belongs to tenant " + owner.tenantId());
            }
        }
        tenant.names().forEach(name -> byName.put(name, tenant));
        inCreationOrder.add(tenant);
        return tenant;
    }

    public Optional<SimulatedTenant> find(String tenantIdOrDomain) {
        if (tenantIdOrDomain == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(tenantIdOrDomain.trim().toLowerCase(Locale.ROOT)));
    }

    public List<SimulatedTenant> all() {
        return List.copyOf(inCreationOrder);
    }
}
