package com.trustifi.onboarding.api.relayaccount;

import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.EncryptedSecret;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One customer's relay integration on the vendor side (seed steps 1-6). */
@Entity
@Table(name = "relay_account")
public class RelayAccount extends PanacheEntityBase {

    private static final int IDS_PER_QUERY = 1000;

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(nullable = false)
    public String plan;

    @Column(name = "access_level", nullable = false)
    public String accessLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> domains;

    @Column(name = "mta_host", nullable = false)
    public String mtaHost;

    @Column(name = "mta_port", nullable = false)
    public int mtaPort;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "secret_key_id")
    String secretKeyId;

    @Column(name = "secret_ciphertext")
    String secretCiphertext;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verification_token", nullable = false)
    String verificationToken;

    /** What the partner publishes for these of the account's domains so the relay may send for them (ALL_TENANTS). */
    public List<DnsRecord> domainVerificationRecords(Collection<String> ofDomains) {
        return DomainVerification.records(verificationToken, ofDomains);
    }

    /** The partner's relay account with this id; another partner's is as absent as one that does not exist. */
    public static Optional<RelayAccount> ofPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }

    /**
     * The partner's relay accounts among these ids, in one query per thousand ids, read-only: a
     * batch names up to 10,000 accounts, and each one loaded alone (then dirty-checked at every
     * later query's auto-flush) made accepting such a batch quadratic.
     */
    public static Map<UUID, RelayAccount> ofPartner(UUID partnerId, Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        Map<UUID, RelayAccount> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            getEntityManager().createQuery("from RelayAccount a where a.partnerId = ?1 and a.id in ?2", RelayAccount.class)
                    .setParameter(1, partnerId)
                    .setParameter(2, all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultStream()
                    .forEach(account -> found.put(account.id, account));
        }
        return found;
    }

    /** The secret is generated when the relay is enabled (seed step 6). */
    public boolean hasSecret() {
        return secretCiphertext != null;
    }

    Optional<EncryptedSecret> secret() {
        return hasSecret() ? Optional.of(new EncryptedSecret(secretKeyId, secretCiphertext)) : Optional.empty();
    }

    void secret(EncryptedSecret secret) {
        secretKeyId = secret.keyId();
        secretCiphertext = secret.ciphertext();
    }

    /** What the secret is bound to at rest, so that a ciphertext copied to another account does not decrypt. */
    String associatedData() {
        return "relay-account:" + id;
    }
}
