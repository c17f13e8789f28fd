package com.trustifi.onboarding.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link ExchangeOnlineSimulator}.
 *
 * @param port                          TCP port on 127.0.0.1; 0 picks any free port
 * @param stateDirectory                where the truststore and certificate PEM are written for clients
 * @param clientId                      the only application (client) id the token endpoint accepts
 * @param clientSecret                  the secret that application must present
 * @param seed                          seeds every random fault decision, so a test run can be reproduced
 * @param transportRulePropagationDelay how long a transport rule change takes to take effect; zero for tests
 * @param publicHost                    null to serve on 127.0.0.1 only; otherwise the host name clients use (a container's
 *                                      name): the simulator then listens on every interface, names itself by it in its
 *                                      URLs and has it in its certificate
 */
public record SimulatorOptions(int port, Path stateDirectory, String clientId, String clientSecret, long seed,
                               Duration transportRulePropagationDelay, String publicHost) {

    /** Fixed so that every component of the local stack can be configured without talking to each other. */
    public static final String DEFAULT_CLIENT_ID = "00000000-0000-0000-0000-0000000000a1";
    /** The simulator's own test secret; it protects nothing real. */
    public static final String DEFAULT_CLIENT_SECRET = "simulator-client-secret";
    public static final long DEFAULT_SEED = 42;

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (transportRulePropagationDelay == null || transportRulePropagationDelay.isNegative()) {
            throw new IllegalArgumentException("transportRulePropagationDelay must be zero or positive: " + transportRulePropagationDelay);
        }
        if (publicHost != null && !publicHost.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("publicHost must be a host name: " + publicHost);
        }
    }

    public static SimulatorOptions defaults(Path stateDirectory) {
        return new SimulatorOptions(0, stateDirectory, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_SEED, Duration.ZERO, null);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(newPort, stateDirectory, clientId, clientSecret, seed, transportRulePropagationDelay, publicHost);
    }

    public SimulatorOptions withSeed(long newSeed) {
        return new SimulatorOptions(port, stateDirectory, clientId, clientSecret, newSeed, transportRulePropagationDelay, publicHost);
    }

    public SimulatorOptions withTransportRulePropagationDelay(Duration delay) {
        return new SimulatorOptions(port, stateDirectory, clientId, clientSecret, seed, delay, publicHost);
    }

    public SimulatorOptions withPublicHost(String host) {
        return new SimulatorOptions(port, stateDirectory, clientId, clientSecret, seed, transportRulePropagationDelay, host);
    }
}
