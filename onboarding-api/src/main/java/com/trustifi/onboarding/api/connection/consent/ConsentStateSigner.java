package com.trustifi.onboarding.api.connection.consent;

import com.trustifi.onboarding.api.config.TenantConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads the {@code state} of connect links: request id, partner id, expiry and leg, then an
 * HMAC-SHA256 over them, each part base64url. A state that was altered, or signed with another
 * key, reads as nothing; single use and expiry are checked by {@link TenantConnections}.
 */
@ApplicationScoped
public class ConsentStateSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PAYLOAD_BYTES = 16 + 16 + 8 + 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Optional<SecretKeySpec> key;

    ConsentStateSigner(TenantConnectionConfig config) {
        this.key = config.stateKey().map(ConsentStateSigner::key);
    }

    public boolean configured() {
        return key.isPresent();
    }

    public String sign(ConsentState state) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        put(payload, state.requestId());
        put(payload, state.partnerId());
        payload.putLong(state.expiresAt().getEpochSecond());
        payload.put((byte) state.leg().ordinal());
        String body = ENCODER.encodeToString(payload.array());
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The state, when it is well formed and its signature is this service's. */
    public Optional<ConsentState> read(String state) {
        if (state == null || key.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        int dot = state.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = state.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(body), DECODER.decode(state.substring(dot + 1)))) {
                return Optional.empty();
            }
            byte[] bytes = DECODER.decode(body);
            if (bytes.length != PAYLOAD_BYTES) {
                return Optional.empty();
            }
            ByteBuffer payload = ByteBuffer.wrap(bytes);
            UUID requestId = uuid(payload);
            UUID partnerId = uuid(payload);
            Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
            int leg = payload.get();
            if (leg < 0 || leg >= ConsentState.Leg.values().length) {
                return Optional.empty();
            }
            return Optional.of(new ConsentState(requestId, partnerId, expiresAt, ConsentState.Leg.values()[leg]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * A secret of the connect request only this service can compute, for {@code purpose}: the sign-in's nonce and PKCE
     * code verifier are derived, not stored (43 base64url characters, as RFC 7636 asks of a verifier).
     */
    public String derive(String purpose, UUID requestId) {
        return ENCODER.encodeToString(mac(purpose + "|" + requestId));
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.orElseThrow(() -> new IllegalStateException("onboarding.tenant-connections.state-key is not set")));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length < 32) {
            throw new IllegalArgumentException("onboarding.tenant-connections.state-key must be at least 32 bytes, base64");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
