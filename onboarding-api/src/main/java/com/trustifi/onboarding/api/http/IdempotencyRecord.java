package com.trustifi.onboarding.api.http;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One Idempotency-Key of one partner: the request it was first used with, and the response that got. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String DONE = "DONE";

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public String state;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    /** The response's Location and Retry-After, as JSON. */
    @Column(name = "response_headers")
    public String responseHeaders;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "partner_id") UUID partnerId, @Column(name = "idempotency_key") String key)
            implements Serializable {
    }
}
