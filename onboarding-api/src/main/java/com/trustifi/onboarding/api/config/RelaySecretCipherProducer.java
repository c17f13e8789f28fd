package com.trustifi.onboarding.api.config;

import com.trustifi.onboarding.model.RelaySecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class RelaySecretCipherProducer {

    @Produces
    @ApplicationScoped
    RelaySecretCipher relaySecretCipher(RelaySecretsConfig config) {
        return new RelaySecretCipher(config.currentKeyId(), config.keys());
    }
}
