package com.trustifi.onboarding.api.webhook;

import com.trustifi.onboarding.model.EncryptedSecret;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where a partner's events are sent; a partner has at most one. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(nullable = false)
    public String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookEvents events;

    @Column(name = "secret_key_id", nullable = false)
    String secretKeyId;

    @Column(name = "secret_ciphertext", nullable = false)
    String secretCiphertext;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    EncryptedSecret secret() {
        return new EncryptedSecret(secretKeyId, secretCiphertext);
    }

    void secret(EncryptedSecret secret) {
        secretKeyId = secret.keyId();
        secretCiphertext = secret.ciphertext();
    }

    /** What the secret is bound to at rest, so that a ciphertext copied to another partner does not decrypt. */
    static String associatedData(UUID partnerId) {
        return "webhook:" + partnerId;
    }
}
