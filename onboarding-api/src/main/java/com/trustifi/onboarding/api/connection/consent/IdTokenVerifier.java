package com.trustifi.onboarding.api.connection.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies an id token from Entra with jose4j: RS256 only (no {@code none}, no HMAC with the client secret), signed by
 * a key of the login host's key set (cached; fetched again when a token names an unknown {@code kid}), for this app
 * ({@code aud}), issued by {@code <login host>/<tid>/v2.0} of the token's own {@code tid}, within its times (one minute
 * of skew), and with the nonce of this connect link.
 */
final class IdTokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final Pattern TENANT_GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String authority;
    private final String clientId;
    private final HttpsJwksVerificationKeyResolver keys;
    private final Clock clock;

    IdTokenVerifier(String authority, String clientId, Optional<SSLSocketFactory> tls, Clock clock) {
        this.authority = authority;
        this.clientId = clientId;
        this.clock = clock;
        Get get = new Get();
        get.setConnectTimeout(5_000);
        get.setReadTimeout(10_000);
        tls.ifPresent(get::setSslSocketFactory);
        HttpsJwks jwks = new HttpsJwks(authority + "/discovery/v2.0/keys");
        jwks.setSimpleHttpGet(get);
        this.keys = new HttpsJwksVerificationKeyResolver(jwks);
    }

    /** @throws ConsentRefusedException naming what is wrong with the token, never its content */
    VerifiedAdministrator verify(String idToken, String expectedNonce) {
        JwtClaims claims = claims(idToken);
        try {
            String tenantId = Optional.ofNullable(claims.getStringClaimValue("tid")).orElse("").toLowerCase(Locale.ROOT);
            if (!TENANT_GUID.matcher(tenantId).matches()) {
                throw refused("has no tenant id (tid)");
            }
            if (!(authority + "/" + tenantId + "/v2.0").equals(claims.getIssuer())) {
                throw refused("was not issued by Entra for its own tenant (iss)");
            }
            String nonce = claims.getStringClaimValue("nonce");
            if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
                throw refused("was issued for another sign-in (nonce)");
            }
            List<String> roles = claims.hasClaim("wids") ? claims.getStringListClaimValue("wids") : List.of();
            String objectId = claims.getStringClaimValue("oid");
            if (objectId == null) {
                throw refused("names no user (oid)");
            }
            return new VerifiedAdministrator(tenantId, objectId,
                    Optional.ofNullable(claims.getStringClaimValue("preferred_username")).orElse(objectId), roles);
        } catch (MalformedClaimException e) {
            throw refused("has a claim of the wrong type");
        }
    }

    private JwtClaims claims(String idToken) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys)
                .setExpectedAudience(clientId)
                // the issuer names the token's own tenant, so it is compared with tid once the signature holds
                .setExpectedIssuer(true, null)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            return consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw refused(reason(e));
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "has expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "is for another app (aud)";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "is not valid yet";
        }
        // a bad signature, an unknown kid, alg none or HS256, or no JWS at all
        return "is not an RS256 token signed by one of Entra's keys";
    }

    private static ConsentRefusedException refused(String reason) {
        return ConsentRefusedException.invalid("id_token", "The sign-in could not be verified: the id token " + reason);
    }
}
