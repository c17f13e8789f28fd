package com.trustifi.onboarding.simulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start an {@link ExchangeOnlineSimulator}.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks any free port
 * @param stateDirectory where the truststore and certificate PEM are written for clients
 * @param clientId       the only application (client) id the token endpoint accepts
 * @param clientSecret   the secret that application must present
 */
public record SimulatorOptions(int port, Path stateDirectory, String clientId, String clientSecret) {

    /** Fixed so that every component of the local stack can be configured without talking to each other. */
    public static final String DEFAULT_CLIENT_ID = "00000000-0000-0000-0000-0000000000a1";
    /** The simulator's own test secret; it protects nothing real. */
    public static final String DEFAULT_CLIENT_SECRET = "simulator-client-secret";

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    public static SimulatorOptions defaults(Path stateDirectory) {
        return new SimulatorOptions(0, stateDirectory, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(newPort, stateDirectory, clientId, clientSecret);
    }
}
