package com.trustifi.onboarding.api.batch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tenants a partner submitted at once; its accepted rows are onboardings that name it. */
@Entity
@Table(name = "onboarding_batch")
public class OnboardingBatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "accepted_count", nullable = false)
    public int acceptedCount;

    /** Rows refused when the batch was submitted; they have no onboarding. */
    @Column(name = "rejected_count", nullable = false)
    public int rejectedCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static OnboardingBatch of(UUID partnerId, Instant now) {
        var batch = new OnboardingBatch();
        batch.id = UUID.randomUUID();
        batch.partnerId = partnerId;
        batch.createdAt = now;
        return batch;
    }

    /** The partner's batch with this id; another partner's is as absent as one that does not exist. */
    static Optional<OnboardingBatch> ofPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }
}
