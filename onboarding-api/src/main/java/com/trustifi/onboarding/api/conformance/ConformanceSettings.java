package com.trustifi.onboarding.api.conformance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner's own settings of the fleet watch; a partner without a row has the service's defaults. */
@Entity
@Table(name = "conformance_settings")
public class ConformanceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "check_interval_seconds", nullable = false)
    public long checkIntervalSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DriftPolicy policy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
