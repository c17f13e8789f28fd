package com.trustifi.onboarding.simulator;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One simulator per test class, reached over HTTPS through the client that trusts its certificate. */
abstract class RunningSimulator {

    @TempDir
    static Path stateDirectory;
    static ExchangeOnlineSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory));
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }
}
