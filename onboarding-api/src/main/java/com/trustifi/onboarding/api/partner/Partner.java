package com.trustifi.onboarding.api.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner portal that integrates over the API; everything it creates is visible to it alone. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Partner named(String name, Instant now) {
        var partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.name = name;
        partner.createdAt = now;
        return partner;
    }
}
