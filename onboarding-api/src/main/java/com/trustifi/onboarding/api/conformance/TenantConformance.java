package com.trustifi.onboarding.api.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An onboarded tenant as the fleet watch last found it, and when it looks again. */
@Entity
@Table(name = "tenant_conformance")
public class TenantConformance extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The last SUCCEEDED onboarding of the tenant: its configuration is what the tenant must keep. */
    @Column(name = "onboarding_id", nullable = false)
    public UUID onboardingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConformanceState state;

    @Column(name = "drift")
    String driftJson;

    /** With UNREACHABLE: why; with DRIFTED under REPAIR: why a repair did not start, when it did not. */
    public String reason;

    public String remediation;

    /** This tenant's own policy; null follows the partner's. */
    @Enumerated(EnumType.STRING)
    public DriftPolicy policy;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** When the state or the drift last changed. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt;

    /**
     * While the last SUCCEEDED onboarding is not yet confirmed in effect: how many confirming checks have ended without
     * confirming it; null once it is ACTIVE or given up.
     */
    @Column(name = "activation_attempts")
    public Integer activationAttempts;

    /** While the onboarding is not yet confirmed: when its confirming check is due, the propagation wait after it. */
    @Column(name = "activation_due_at")
    public Instant activationDueAt;

    /** The last check started: its result is the one applied. */
    @Column(name = "last_check_id")
    public UUID lastCheckId;

    static Optional<TenantConformance> ofPartner(UUID partnerId, String tenantId) {
        return TenantConformance.<TenantConformance>findByIdOptional(tenantId).filter(found -> found.partnerId.equals(partnerId));
    }

    static Optional<TenantConformance> lockedForUpdate(String tenantId) {
        return findByIdOptional(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Due tenants, the partners taking turns: each partner's earliest first, then each one's second, and so on, so that
     * one partner's "check now" of its whole fleet does not hold up the others' checks. Those another instance of the
     * API is starting are skipped, not waited for (that instance then starts fewer this tick); a row another instance
     * has just started, and so made due later, is not taken again.
     */
    @SuppressWarnings("unchecked")
    static List<TenantConformance> dueAsOf(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from tenant_conformance where tenant_id in (
                            select tenant_id from (
                                select tenant_id, next_check_at,
                                       row_number() over (partition by partner_id order by next_check_at) as turn
                                from tenant_conformance where next_check_at <= :now) due
                            order by turn, next_check_at limit :limit)
                        and next_check_at <= :now
                        for update skip locked""", TenantConformance.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    public List<DriftedProperty> drift() {
        if (driftJson == null) {
            return List.of();
        }
        try {
            return List.of(WireJson.mapper().readValue(driftJson, DriftedProperty[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The drift of tenant " + tenantId + " cannot be read", e);
        }
    }

    void drift(List<DriftedProperty> properties) {
        try {
            driftJson = properties.isEmpty() ? null : WireJson.mapper().writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The drift of tenant " + tenantId + " cannot be written", e);
        }
    }
}
