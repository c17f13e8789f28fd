package com.trustifi.onboarding.api.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each tenant's generation: raised, in the transaction that stores the change, by every command
 * issued for the tenant and by every cancel. A command carries the generation it was issued in; the
 * worker drops a command whose tenant has moved past it, so that a canceled or superseded command
 * cannot change Exchange, even one that comes back from a delayed-retry topic minutes later.
 */
@ApplicationScoped
public class TenantGenerations {

    private static final String RAISE = "insert into tenant_generation (tenant_id, generation) "
            + "select tenant, 1 from unnest(cast(?1 as varchar[])) as tenant "
            + "on conflict (tenant_id) do update set generation = tenant_generation.generation + 1 "
            + "returning tenant_id, generation";

    /** Raises each of these (distinct) tenants' generation by one, in one statement; answers the new ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Long> raise(Collection<String> tenantIds) {
        Map<String, Long> raised = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return raised;
        }
        List<?> rows = Onboarding.getEntityManager().createNativeQuery(RAISE)
                .setParameter(1, tenantIds.toArray(String[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            raised.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return raised;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    long raise(String tenantId) {
        return raise(List.of(tenantId)).get(tenantId);
    }

    /** The tenant's generation as it stands, without raising it (0 for a tenant never commanded). */
    @Transactional(Transactional.TxType.MANDATORY)
    long current(String tenantId) {
        List<?> found = Onboarding.getEntityManager()
                .createNativeQuery("select generation from tenant_generation where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
    }
}
