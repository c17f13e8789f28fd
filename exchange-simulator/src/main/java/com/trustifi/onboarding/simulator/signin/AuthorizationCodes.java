package com.trustifi.onboarding.simulator.signin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes, each redeemable once; a code redeemed before is told apart from one never issued. */
public final class AuthorizationCodes {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthorizationCode> issued = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    String issue(AuthorizationCode code) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(value, code);
        return value;
    }

    /** The code's grant, once: it is gone after this call, whatever the caller then decides. */
    public Redemption redeem(String code, Instant now) {
        AuthorizationCode grant = code == null ? null : issued.remove(code);
        if (grant == null) {
            return new Redemption(Optional.empty(), code != null && redeemed.contains(code));
        }
        redeemed.add(code);
        return new Redemption(Optional.of(grant).filter(found -> found.expiresAt().isAfter(now)), false);
    }

    /** @param alreadyRedeemed whether an empty grant is a code redeemed before (Entra's AADSTS54005) */
    public record Redemption(Optional<AuthorizationCode> grant, boolean alreadyRedeemed) {
    }
}
