package com.trustifi.onboarding.api.connection.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Id tokens an attacker could put in front of the verifier: signed with a key Entra does not publish, for another
 * app or tenant, out of their times, for another sign-in, unsigned, or signed with the client secret. The login host
 * here is a JWKS endpoint of the test's own keys, so that each token can be made exactly.
 */
class IdTokenConsentForgeryTest {

    private static final String CLIENT_ID = "00000000-0000-0000-0000-0000000000a1";
    private static final String TENANT = "0b8c3bd4-6e4c-4a51-9d0e-2f5c7a1e9b33";
    private static final String NONCE = "nonce-of-this-link";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static HttpServer loginHost;
    private static final AtomicReference<List<JsonWebKey>> published = new AtomicReference<>();
    private static final AtomicInteger keySetFetches = new AtomicInteger();
    private static RsaJsonWebKey entraKey;
    private static String authority;
    private static IdTokenVerifier verifier;

    @BeforeAll
    static void startLoginHost() throws Exception {
        entraKey = key("entra-1");
        published.set(List.of(entraKey));
        loginHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loginHost.createContext("/discovery/v2.0/keys", exchange -> {
            keySetFetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(published.get()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        loginHost.start();
        authority = "http://127.0.0.1:" + loginHost.getAddress().getPort();
        verifier = new IdTokenVerifier(authority, CLIENT_ID, Optional.empty(), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    @AfterAll
    static void stopLoginHost() {
        loginHost.stop(0);
    }

    @Test
    void aTokenEntraSignedForThisAppAndSignInVerifies() throws Exception {
        VerifiedAdministrator administrator = verifier.verify(signed(entraKey, claims -> { }), NONCE);

        assertThat(administrator.tenantId()).isEqualTo(TENANT);
        assertThat(administrator.username()).isEqualTo("admin@contoso.onmicrosoft.com");
        assertThat(administrator.mayGrantTenantWideConsent()).isTrue();
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        RsaJsonWebKey impostor = key(entraKey.getKeyId());
        assertRefused(signed(impostor, claims -> { }), "not an RS256 token signed by one of Entra's keys");
    }

    @Test
    void anUnknownKidIsLookedUpOnceMoreAndThenRefused() throws Exception {
        Thread.sleep(400); // jose4j refetches for an unknown kid at most every 300 ms
        int before = keySetFetches.get();
        assertRefused(signed(key("not-published"), claims -> { }), "signed by one of Entra's keys");
        assertThat(keySetFetches.get()).isGreaterThan(before);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenFirstNamesIt() throws Exception {
        verifier.verify(signed(entraKey, claims -> { }), NONCE);
        RsaJsonWebKey rotated = key("entra-2");
        published.set(List.of(rotated, entraKey));
        Thread.sleep(400); // jose4j refetches for an unknown kid at most every 300 ms

        assertThat(verifier.verify(signed(rotated, claims -> { }), NONCE).tenantId()).isEqualTo(TENANT);
    }

    @Test
    void aTokenForAnotherAppIsRefused() throws Exception {
        assertRefused(signed(entraKey, claims -> claims.setAudience("11111111-1111-1111-1111-111111111111")), "another app (aud)");
    }

    @Test
    void anIssuerOtherThanTheTokensOwnTenantIsRefused() throws Exception {
        assertRefused(signed(entraKey, claims -> claims.setIssuer(authority + "/9f0e1d2c-3b4a-4958-8776-655443322110/v2.0")),
                "(iss)");
        assertRefused(signed(entraKey, claims -> claims.setIssuer("https://evil.example/" + TENANT + "/v2.0")), "(iss)");
    }

    @Test
    void anExpiredOrNotYetValidTokenIsRefusedBeyondAMinuteOfSkew() throws Exception {
        assertRefused(signed(entraKey, claims -> claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - 61))), "expired");
        assertRefused(signed(entraKey, claims -> claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() + 120))), "not valid yet");
        verifier.verify(signed(entraKey, claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 3600));
            claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() - 3600));
            claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() - 30));
        }), NONCE);
    }

    @Test
    void anotherLinksNonceIsRefused() throws Exception {
        assertRefused(signed(entraKey, claims -> claims.setClaim("nonce", "nonce-of-another-link")), "(nonce)");
        assertRefused(signed(entraKey, claims -> claims.unsetClaim("nonce")), "(nonce)");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertRefused(jws.getCompactSerialization(), "RS256");
    }

    @Test
    void aTokenSignedWithTheClientSecretIsRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(entraKey.getKeyId());
        jws.setKey(new HmacKey("simulator-client-secret-simulator-client-secret".getBytes(StandardCharsets.UTF_8)));
        assertRefused(jws.getCompactSerialization(), "RS256");
    }

    @Test
    void aTokenWithoutATenantOrUserIsRefused() throws Exception {
        assertRefused(signed(entraKey, claims -> claims.unsetClaim("tid")), "(tid)");
        assertRefused(signed(entraKey, claims -> claims.setClaim("tid", "contoso.onmicrosoft.com")), "(tid)");
        assertRefused(signed(entraKey, claims -> claims.unsetClaim("oid")), "(oid)");
    }

    @Test
    void aUserWithoutAConsentingRoleVerifiesButMayNotConsent() throws Exception {
        VerifiedAdministrator user = verifier.verify(signed(entraKey, claims -> claims.setStringListClaim("wids",
                "29232cdf-9323-42fd-ade2-1d097af3e4de")), NONCE);
        VerifiedAdministrator noRoles = verifier.verify(signed(entraKey, claims -> claims.unsetClaim("wids")), NONCE);

        assertThat(user.mayGrantTenantWideConsent()).isFalse();
        assertThat(noRoles.mayGrantTenantWideConsent()).isFalse();
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token, NONCE))
                .isInstanceOfSatisfying(ConsentRefusedException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("id_token");
                    assertThat(refused.reason()).contains(reason).doesNotContain("admin@contoso");
                });
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(authority + "/" + TENANT + "/v2.0");
        claims.setAudience(CLIENT_ID);
        claims.setSubject("pairwise-subject");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() - 5));
        claims.setNotBefore(NumericDate.fromSeconds(NOW.getEpochSecond() - 5));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 3600));
        claims.setClaim("tid", TENANT);
        claims.setClaim("oid", "5d3c2b1a-0f9e-4d8c-b7a6-958473625140");
        claims.setClaim("preferred_username", "admin@contoso.onmicrosoft.com");
        claims.setClaim("nonce", NONCE);
        claims.setStringListClaim("wids", VerifiedAdministrator.GLOBAL_ADMINISTRATOR);
        return claims;
    }

    private static String signed(RsaJsonWebKey key, Consumer<JwtClaims> change) throws JoseException {
        JwtClaims claims = claims();
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static RsaJsonWebKey key(String kid) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }
}
