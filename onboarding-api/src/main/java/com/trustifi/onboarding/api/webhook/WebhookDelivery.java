package com.trustifi.onboarding.api.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event for a partner's webhook, stored with the change it reports and sent afterwards. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Hibernate's value for "skip rows another transaction has locked". */
    private static final int SKIP_LOCKED = -2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public int attempts;

    /** When to try next; null once delivered or given up on. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static WebhookDelivery of(UUID partnerId, String payload, Instant now) {
        var delivery = new WebhookDelivery();
        delivery.partnerId = partnerId;
        delivery.payload = payload;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /** Due deliveries, oldest first; rows another sender holds are skipped. */
    static List<WebhookDelivery> lockDue(Instant now, int limit) {
        return find("nextAttemptAt <= ?1 order by nextAttemptAt, id", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, limit)
                .list();
    }
}
