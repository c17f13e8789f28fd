package com.trustifi.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelaySecretCipherTest {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void secretRoundTripsForItsTenantOnly() {
        var cipher = new RelaySecretCipher("new", Map.of("new", NEW_KEY));
        String secret = RelaySecretCipher.newSecret();

        EncryptedSecret encrypted = cipher.encrypt("tenant-a", secret);

        assertThat(encrypted.ciphertext()).doesNotContain(secret);
        assertThat(encrypted.toString()).doesNotContain(encrypted.ciphertext());
        assertThat(cipher.decrypt("tenant-a", encrypted)).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.decrypt("tenant-b", encrypted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(secret);
    }

    @Test
    void secretsUnderARetiredKeyStillDecryptAfterRotation() {
        EncryptedSecret old = new RelaySecretCipher("old", Map.of("old", OLD_KEY)).encrypt("tenant-a", "s3cret");
        var rotated = new RelaySecretCipher("new", Map.of("old", OLD_KEY, "new", NEW_KEY));

        assertThat(rotated.decrypt("tenant-a", old)).isEqualTo("s3cret");
        assertThat(rotated.encrypt("tenant-a", "s3cret").keyId()).isEqualTo("new");
    }

    @Test
    void newSecretsAreLongAndDifferent() {
        assertThat(RelaySecretCipher.newSecret()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(RelaySecretCipher.newSecret());
    }
}
