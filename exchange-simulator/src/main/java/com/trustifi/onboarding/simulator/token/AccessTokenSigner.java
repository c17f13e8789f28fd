package com.trustifi.onboarding.simulator.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and checks opaque bearer tokens: {@code base64url(tenant|audience|expiry).base64url(HMAC-SHA256)}.
 * The key is random per simulator, so tokens cannot be forged by clients and do not survive a restart,
 * just as real tokens are useless against another directory.
 */
public final class AccessTokenSigner {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** Mac.getInstance and init cost more than the HMAC itself; a Mac is not thread-safe, so one per thread. */
    private final ThreadLocal<Mac> macs;

    public AccessTokenSigner() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String issue(AccessToken token) {
        String claims = token.tenantId() + "|" + token.audience() + "|" + token.expiresAt().getEpochSecond();
        byte[] payload = claims.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The token's claims if it was issued by this simulator and not altered; expiry is left to the caller. */
    public Optional<AccessToken> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] claims = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (claims.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(claims[0], claims[1], Instant.ofEpochSecond(Long.parseLong(claims[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        // doFinal resets the Mac, ready for the thread's next token.
        return macs.get().doFinal(payload);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
