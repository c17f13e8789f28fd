package com.trustifi.onboarding.api.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One API key of a partner, kept only as its hash. */
@Entity
@Table(name = "partner_api_key")
public class PartnerApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static PartnerApiKey of(UUID partnerId, String keyHash, Instant now) {
        var key = new PartnerApiKey();
        key.id = UUID.randomUUID();
        key.partnerId = partnerId;
        key.keyHash = keyHash;
        key.createdAt = now;
        return key;
    }
}
