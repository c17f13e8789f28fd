package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.infrastructure.LocalDnsServer;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a plan scenario works with: the simulator and DNS of {@link SimulatedExchangeResource}, and a driver that runs
 * commands through the worker's {@link ProvisioningPlan}. Subclasses are {@code @QuarkusTest}s with that resource.
 */
abstract class PlanScenario {

    ExchangeOnlineSimulator simulator;
    LocalDnsServer dns;
    @Inject
    ProvisioningPlan plan;
    @ConfigProperty(name = "worker.relay-secrets.keys." + SimulatedExchangeResource.RELAY_KEY_ID)
    String relayKey;
    PlanDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new PlanDriver(plan, relayKey);
    }

    @AfterEach
    void stopDriver() {
        driver.close();
    }
}
