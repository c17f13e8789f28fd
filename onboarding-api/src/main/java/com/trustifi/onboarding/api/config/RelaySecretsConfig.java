package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * The keys relay secrets are encrypted with; the worker has the same ones. New secrets use the
 * current key; the others stay to decrypt what they encrypted. No default: production must supply
 * them (ONBOARDING_RELAY_SECRETS_CURRENT_KEY_ID and ONBOARDING_RELAY_SECRETS_KEYS_&lt;ID&gt;).
 */
@ConfigMapping(prefix = "onboarding.relay-secrets")
public interface RelaySecretsConfig {

    String currentKeyId();

    /** Key id to base64 of 32 random bytes. */
    Map<String, String> keys();
}
