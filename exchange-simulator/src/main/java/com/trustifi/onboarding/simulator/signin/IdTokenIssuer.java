package com.trustifi.onboarding.simulator.signin;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Entra's v2.0 id tokens for a signed-in user: RS256 with the current signing key named by {@code kid}, and the claims
 * an app checks: {@code iss} (this host and the user's tenant), {@code aud} (the app), {@code tid}, {@code oid},
 * {@code nonce}, {@code wids} (the user's directory roles), {@code preferred_username}, and the times.
 */
public final class IdTokenIssuer {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final URI baseUri;
    private final SigningKeys keys;

    public IdTokenIssuer(URI baseUri, SigningKeys keys) {
        this.baseUri = baseUri;
        this.keys = keys;
    }

    public String issue(AuthorizationCode code, Instant now) {
        RsaJsonWebKey key = keys.current();
        JwtClaims claims = new JwtClaims();
        claims.setClaim("ver", "2.0");
        claims.setIssuer(baseUri + "/" + code.tenantId() + "/v2.0");
        // pairwise, as Entra's sub is per app
        claims.setSubject(UUID.nameUUIDFromBytes((code.user().objectId() + "|" + code.clientId()).getBytes(StandardCharsets.UTF_8))
                .toString());
        claims.setAudience(code.clientId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        claims.setClaim("name", code.user().userPrincipalName());
        claims.setClaim("preferred_username", code.user().userPrincipalName());
        claims.setClaim("oid", code.user().objectId());
        claims.setClaim("tid", code.tenantId());
        if (code.nonce() != null) {
            claims.setClaim("nonce", code.nonce());
        }
        claims.setStringListClaim("wids", code.user().roles());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("RS256 signing is part of every JDK", e);
        }
    }
}
