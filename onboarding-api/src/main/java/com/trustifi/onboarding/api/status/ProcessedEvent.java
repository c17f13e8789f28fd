package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.model.StatusEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;
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

    /**
     * Records these events (distinct ids) as processed in one statement and returns the ids that were new: an event
     * already recorded by an earlier delivery is skipped by the database, not looked up one by one.
     */
    static Set<UUID> recordNew(Collection<StatusEvent> events, Instant now) {
        UUID[] eventIds = events.stream().map(StatusEvent::eventId).toArray(UUID[]::new);
        UUID[] onboardingIds = events.stream().map(StatusEvent::onboardingId).toArray(UUID[]::new);
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into processed_event (event_id, onboarding_id, processed_at) "
                            + "select event_id, onboarding_id, ? from unnest(?::uuid[], ?::uuid[]) as event (event_id, onboarding_id) "
                            + "on conflict (event_id) do nothing returning event_id")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(2, connection.createArrayOf("uuid", eventIds));
                insert.setArray(3, connection.createArrayOf("uuid", onboardingIds));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        });
    }
}
