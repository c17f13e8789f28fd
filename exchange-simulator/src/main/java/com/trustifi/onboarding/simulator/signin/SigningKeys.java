package com.trustifi.onboarding.simulator.signin;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The RSA keys id tokens are signed with, published at {@code /discovery/v2.0/keys} as Entra publishes its own. A
 * rotation signs with a new key from then on; the previous keys stay published unless retired, as Entra keeps a key
 * listed for a while after it stops signing with it.
 */
public final class SigningKeys {

    private volatile List<RsaJsonWebKey> keys = List.of(newKey());

    /** The key that signs from now on. */
    public RsaJsonWebKey current() {
        return keys.get(0);
    }

    /**
     * Starts signing with a new key.
     *
     * @param retirePrevious whether the keys used so far stop being published (tokens they signed then fail to verify)
     * @return the new key's id
     */
    public synchronized String rotate(boolean retirePrevious) {
        List<RsaJsonWebKey> next = new ArrayList<>();
        next.add(newKey());
        if (!retirePrevious) {
            next.addAll(keys);
        }
        keys = List.copyOf(next);
        return current().getKeyId();
    }

    /** The published key set: public halves only. */
    public Map<String, Object> jwks() {
        return Map.of("keys", keys.stream().map(key -> key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString().replace("-", "").substring(0, 20));
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
    }
}
