package com.trustifi.onboarding.api.partner;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.http.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues partner API keys and recognizes them. A key is shown once, when it is issued; only its
 * SHA-256 is stored, which is enough for 256 random bits: nothing can be guessed from the hash.
 */
@ApplicationScoped
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "pk_";

    /** Beyond this many recognized keys, the cache starts again empty rather than grow: one read each, once. */
    private static final int MOST_CACHED = 10_000;

    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Recognized> recognized = new ConcurrentHashMap<>();

    ApiKeys(Clock clock, OnboardingConfig config) {
        this.clock = clock;
        this.cacheTtl = config.apiKeyCacheTtl();
    }

    private record Recognized(UUID partnerId, Instant until) {
    }

    /** A new partner with one key. */
    @Transactional
    public IssuedKey createPartner(String name) {
        if (Partner.count("name", name) > 0) {
            throw new ClientErrorException("A partner with this name exists", Response.Status.CONFLICT);
        }
        Partner partner = Partner.named(name, clock.instant());
        partner.persist();
        return issue(partner.id);
    }

    /** Another key for a partner, so that it can move to a new key before dropping the old one. */
    @Transactional
    public Optional<IssuedKey> addKey(UUID partnerId) {
        return Partner.<Partner>findByIdOptional(partnerId).map(partner -> issue(partner.id));
    }

    /**
     * The partner a key belongs to, if it is a known key. A recognized key is believed for the cache's time; an unknown
     * one is looked up every time, so that a key issued by another instance works at once.
     */
    public Optional<UUID> partnerOf(String key) {
        String hash = hash(key);
        Instant now = clock.instant();
        Recognized known = recognized.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.partnerId());
        }
        Optional<UUID> partner = QuarkusTransaction.requiringNew().call(() -> PartnerApiKey.<PartnerApiKey>find("keyHash", hash)
                .firstResultOptional().map(found -> found.partnerId));
        if (partner.isPresent()) {
            if (recognized.size() >= MOST_CACHED) {
                recognized.clear();
            }
            recognized.put(hash, new Recognized(partner.get(), now.plus(cacheTtl)));
        } else {
            recognized.remove(hash);
        }
        return partner;
    }

    private IssuedKey issue(UUID partnerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PartnerApiKey.of(partnerId, hash(key), clock.instant()).persist();
        return new IssuedKey(partnerId, key);
    }

    /** SHA-256 in hex; also used to compare the operator key without leaking its length or content through timing. */
    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** A key as issued: the only time it exists in plain text. */
    public record IssuedKey(UUID partnerId, String apiKey) {

        @Override
        public String toString() {
            return "IssuedKey[partnerId=" + partnerId + "]";
        }
    }
}
