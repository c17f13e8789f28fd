package com.trustifi.onboarding.api.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A record stored with the change that caused it, waiting to be published to its topic; written by {@link Outbox}. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C traceparent of the request that stored the record; null when none was traced. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The onboarding a command row belongs to; null for other records. */
    @Column(name = "onboarding_id")
    public java.util.UUID onboardingId;

    /** Any fixed number: the id of the one PostgreSQL advisory lock that the relays share. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /**
     * Takes the relay's turn until the transaction ends, or answers false when another relay (an
     * other API instance) has it. One relay at a time keeps each tenant's commands in order.
     */
    static boolean takeRelayTurn() {
        return (Boolean) getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
    }

    /** Oldest first, so that commands for one tenant keep their order. */
    static List<OutboxMessage> pending(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }

    /** When the oldest command still to publish was stored, if any is. */
    static java.util.Optional<Instant> oldestPendingSince() {
        return java.util.Optional.ofNullable(getEntityManager()
                .createQuery("select min(m.createdAt) from OutboxMessage m where m.publishedAt is null", Instant.class)
                .getSingleResult());
    }

}
