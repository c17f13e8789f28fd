package com.trustifi.onboarding.worker.identity;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelaySecretCipher;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Decrypts the relay secret a command carries; it was encrypted for that command's tenant only. */
@Singleton
public class RelaySecrets {

    private final RelaySecretCipher cipher;

    RelaySecrets(WorkerConfig config) {
        this.cipher = new RelaySecretCipher(config.relaySecrets().currentKeyId(), config.relaySecrets().keys());
    }

    /** @throws IllegalArgumentException when the secret does not decrypt for this tenant */
    public Optional<String> decrypt(ProvisioningCommand command) {
        return Optional.ofNullable(command.relay().relaySecret())
                .map(secret -> cipher.decrypt(command.tenantId(), secret));
    }
}
