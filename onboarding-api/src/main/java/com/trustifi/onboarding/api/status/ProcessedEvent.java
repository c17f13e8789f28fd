package com.trustifi.onboarding.api.status;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Remembers a status event once it has been applied. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "onboarding_id", nullable = false)
    public UUID onboardingId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    static ProcessedEvent of(UUID eventId, UUID onboardingId, Instant now) {
        var processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.onboardingId = onboardingId;
        processed.processedAt = now;
        return processed;
    }
}
