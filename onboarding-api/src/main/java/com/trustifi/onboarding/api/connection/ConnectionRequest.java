package com.trustifi.onboarding.api.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A connect link given to a partner: the consent that comes back with its state connects the tenant to that partner, once. */
@Entity
@Table(name = "tenant_connection_request")
public class ConnectionRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The tenant the link is for, or null when the administrator's own tenant is meant. */
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    static ConnectionRequest of(UUID partnerId, String tenantId, Instant now, Instant expiresAt) {
        var request = new ConnectionRequest();
        request.id = UUID.randomUUID();
        request.partnerId = partnerId;
        request.tenantId = tenantId;
        request.createdAt = now;
        request.expiresAt = expiresAt;
        return request;
    }

    /**
     * Marks the request used, in one statement, so that two callbacks racing with the same state
     * cannot both get through: only the one that changed the row may go on.
     */
    static boolean use(UUID id, UUID partnerId, Instant now) {
        return update("usedAt = ?1 where id = ?2 and partnerId = ?3 and usedAt is null and expiresAt > ?1", now, id, partnerId) == 1;
    }
}
