package com.trustifi.onboarding.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts relay secrets with AES-256-GCM. The tenant id is authenticated with the ciphertext,
 * so a secret copied onto another tenant's command does not decrypt. Old keys stay for
 * decryption while new secrets use the current one.
 */
public final class RelaySecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    /** @param keys key id to base64 of a 32-byte key; must contain {@code currentKeyId} */
    public RelaySecretCipher(String currentKeyId, Map<String, String> keys) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("No key named " + currentKeyId);
        }
        this.currentKeyId = currentKeyId;
        this.keys = keys.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> key(entry.getKey(), entry.getValue())));
    }

    public EncryptedSecret encrypt(String tenantId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, tenantId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new EncryptedSecret(currentKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException when the key is unknown or the secret was not made for this tenant */
    public String decrypt(String tenantId, EncryptedSecret encrypted) {
        SecretKey key = keys.get(encrypted.keyId());
        if (key == null) {
            throw new IllegalArgumentException("The relay secret is encrypted with unknown key " + encrypted.keyId());
        }
        byte[] in = Base64.getDecoder().decode(encrypted.ciphertext());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(in, NONCE_BYTES), tenantId);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The relay secret does not decrypt for tenant " + tenantId);
        }
    }

    /** A fresh secret for a relay account: 32 random bytes, URL-safe base64. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String tenantId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(tenantId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("Key " + id + " must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
