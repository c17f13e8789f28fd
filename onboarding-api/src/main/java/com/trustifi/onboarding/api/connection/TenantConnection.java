package com.trustifi.onboarding.api.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A tenant whose administrator connected it to a partner: that partner alone may onboard and act on it. */
@Entity
@Table(name = "tenant_connection")
public class TenantConnection extends PanacheEntityBase {

    private static final int TENANTS_PER_QUERY = 1000;

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The connect request whose consent made this connection. */
    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    /** When Entra refused the app in the tenant after it was connected; null while the consent holds. */
    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;

    /** What Entra answered then, as the worker reported it. */
    @Column(name = "consent_withdrawn_reason")
    public String consentWithdrawnReason;

    /**
     * The tenant's connection, locked; created for the partner first when the tenant has none. The
     * insert does nothing when another consent for the tenant got there first, so two consents at
     * once cannot fail each other: the second finds the first's row and takes the tenant over.
     */
    static TenantConnection lockedOrCreated(String tenantId, UUID partnerId, UUID requestId, Instant now) {
        getEntityManager().createNativeQuery("insert into tenant_connection (tenant_id, partner_id, request_id, connected_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict (tenant_id) do nothing")
                .setParameter(1, tenantId)
                .setParameter(2, partnerId)
                .setParameter(3, requestId)
                .setParameter(4, now)
                .executeUpdate();
        return lockedFor(tenantId).orElseThrow();
    }

    static Optional<TenantConnection> lockedFor(String tenantId) {
        return findByIdOptional(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** @return whether the partner's connection of the tenant was marked withdrawn, and is no longer */
    static boolean clearWithdrawal(UUID partnerId, String tenantId) {
        return update("consentWithdrawnAt = null, consentWithdrawnReason = null where tenantId = ?1 and partnerId = ?2 "
                + "and consentWithdrawnAt is not null", tenantId, partnerId) > 0;
    }

    static Optional<TenantConnection> of(UUID partnerId, String tenantId) {
        return find("tenantId = ?1 and partnerId = ?2", tenantId, partnerId).firstResultOptional();
    }

    /**
     * Which of these tenants are connected to the partner, each with whether its consent was withdrawn since, in one
     * query per thousand tenants.
     */
    static Map<String, Boolean> withdrawnByConnectedAmong(UUID partnerId, Collection<String> tenantIds) {
        List<String> all = List.copyOf(tenantIds);
        Map<String, Boolean> connected = new HashMap<>();
        for (int from = 0; from < all.size(); from += TENANTS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + TENANTS_PER_QUERY));
            getEntityManager().createQuery(
                            "select c.tenantId, c.consentWithdrawnAt from TenantConnection c where c.partnerId = ?1 and c.tenantId in ?2",
                            Object[].class)
                    .setParameter(1, partnerId)
                    .setParameter(2, chunk)
                    .getResultList()
                    .forEach(row -> connected.put((String) row[0], row[1] != null));
        }
        return connected;
    }
}
