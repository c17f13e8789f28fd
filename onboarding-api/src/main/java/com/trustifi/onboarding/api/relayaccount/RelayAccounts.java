package com.trustifi.onboarding.api.relayaccount;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.model.EncryptedSecret;
import com.trustifi.onboarding.model.RelaySecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Relay accounts and their secrets. The secret exists in plain text only in the answer to the
 * request that generated it; at rest it is encrypted for the account, and on its way to the worker
 * it is encrypted again for one tenant.
 */
@ApplicationScoped
public class RelayAccounts {

    private final RelaySecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    RelayAccounts(RelaySecretCipher cipher, AuditLog audit, Clock clock) {
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A created account, with its secret in plain text when the relay was enabled: the only time it is shown. */
    public record Created(RelayAccount account, Optional<String> relaySecret) {

        @Override
        public String toString() {
            return "Created[account=" + account.id + "]";
        }
    }

    @Transactional
    public Created create(UUID partnerId, NewRelayAccount request) {
        if (!"PRO".equals(request.plan().toUpperCase(Locale.ROOT))
                || !"ADMIN".equals(request.accessLevel().toUpperCase(Locale.ROOT))) {
            throw new RelayAccessDeniedException();
        }
        var account = new RelayAccount();
        account.id = UUID.randomUUID();
        account.partnerId = partnerId;
        account.customerName = request.customerName();
        account.plan = request.plan().toUpperCase(Locale.ROOT);
        account.accessLevel = request.accessLevel().toUpperCase(Locale.ROOT);
        account.domains = request.domains();
        account.mtaHost = request.mtaHost();
        account.mtaPort = request.mtaPort();
        account.enabled = request.enabled();
        account.createdAt = clock.instant();
        account.verificationToken = UUID.randomUUID().toString();
        Optional<String> secret = Optional.empty();
        if (request.enabled()) {
            secret = Optional.of(RelaySecretCipher.newSecret());
            account.secret(cipher.encrypt(account.associatedData(), secret.get()));
        }
        account.persist();
        audit.record(partnerId, "relay-account.create", "relay-account", account.id);
        return new Created(account, secret);
    }

    /**
     * Replaces the account's secret with a new one, shown only in this answer. Tenants keep the
     * old one until a rotate-secret action on their onboarding carries the new one to Exchange.
     */
    @Transactional
    public Optional<Created> rotateSecret(UUID partnerId, UUID id) {
        return RelayAccount.ofPartner(partnerId, id).filter(account -> account.enabled).map(account -> {
            String secret = RelaySecretCipher.newSecret();
            account.secret(cipher.encrypt(account.associatedData(), secret));
            audit.record(partnerId, "relay-account.rotate-secret", "relay-account", account.id);
            return new Created(account, Optional.of(secret));
        });
    }

    @Transactional
    public Optional<RelayAccount> find(UUID partnerId, UUID id) {
        return RelayAccount.ofPartner(partnerId, id);
    }

    /** The account's secret, encrypted for one tenant: only the worker, with the same keys, can read it, and only for that tenant. */
    public EncryptedSecret secretFor(RelayAccount account, String tenantId) {
        EncryptedSecret stored = account.secret()
                .orElseThrow(() -> new IllegalStateException("Relay account " + account.id + " has no secret"));
        return cipher.encrypt(tenantId, cipher.decrypt(account.associatedData(), stored));
    }
}
