package com.trustifi.onboarding.model;

import java.util.Objects;

/**
 * A secret as it is stored and as it travels: AES-GCM ciphertext, bound to one tenant, under a
 * named key so that keys can be rotated. {@link #toString()} never shows the ciphertext either.
 *
 * @param keyId      which key of {@link RelaySecretCipher} encrypted it
 * @param ciphertext base64 of the 12-byte nonce followed by the ciphertext and its tag
 */
public record EncryptedSecret(String keyId, String ciphertext) {

    public EncryptedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedSecret[keyId=" + keyId + "]";
    }
}
