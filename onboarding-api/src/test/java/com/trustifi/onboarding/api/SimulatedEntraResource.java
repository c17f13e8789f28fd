package com.trustifi.onboarding.api;

import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The simulator as the API's Entra: connect links send administrators to its sign-in page, and the API redeems their
 * codes at its token endpoint and verifies the id tokens with its keys, over HTTPS, as in production.
 */
public class SimulatedEntraResource implements QuarkusTestResourceLifecycleManager {

    private ExchangeOnlineSimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(Files.createTempDirectory("simulated-entra")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("onboarding.tenant-connections.authority-host", simulator.baseUri().toString(),
                "onboarding.tenant-connections.client-secret", SimulatorOptions.DEFAULT_CLIENT_SECRET,
                "onboarding.tenant-connections.trust-store", simulator.trustStore().toString(),
                "onboarding.tenant-connections.trust-store-password", simulator.trustStorePassword());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
