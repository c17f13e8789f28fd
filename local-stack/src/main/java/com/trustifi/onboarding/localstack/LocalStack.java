package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.infrastructure.DatabaseEndpoint;
import com.trustifi.onboarding.infrastructure.EmbeddedPostgresServer;
import com.trustifi.onboarding.infrastructure.InfrastructureSettings;
import com.trustifi.onboarding.infrastructure.KafkaBrokerProcess;
import com.trustifi.onboarding.infrastructure.LoopbackPort;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker process, the Exchange Online
 * simulator and both services as their own JVMs, wired as in production. External Kafka or
 * PostgreSQL are used instead when {@link InfrastructureSettings} names them.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path workDirectory;
    private ExchangeOnlineSimulator simulator;
    private ServiceProcess api;
    private ServiceProcess worker;

    /** Stops the stack on Ctrl-C or any other JVM exit, also while it is still starting. */
    private final Thread stopOnExit = new Thread(this::close, "local-stack-shutdown");

    private LocalStack(Path workDirectory) {
        this.workDirectory = workDirectory;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts everything, or stops what it had started and rethrows. */
    public static LocalStack start(ProjectLayout layout, Path workDirectory) throws IOException {
        var stack = new LocalStack(workDirectory);
        try {
            stack.startAll(layout, InfrastructureSettings.fromEnvironment());
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(ProjectLayout layout, InfrastructureSettings settings) throws IOException {
        DatabaseEndpoint database = settings.database().orElseGet(() -> {
            LOG.info("Starting PostgreSQL");
            return track(EmbeddedPostgresServer.start()).endpoint();
        });
        String kafka = settings.kafkaBootstrapServers().orElseGet(() -> {
            LOG.info("Starting Kafka");
            return track(KafkaBrokerProcess.start(workDirectory.resolve("kafka"))).bootstrapServers();
        });
        LOG.info("Starting the Exchange Online simulator");
        SimulatorOptions simulatorOptions = SimulatorOptions.defaults(Files.createDirectories(workDirectory.resolve("simulator")));
        simulator = track(ExchangeOnlineSimulator.start(simulatorOptions));

        Path logs = Files.createDirectories(workDirectory.resolve("logs"));
        LOG.info("Starting onboarding-api");
        api = track(ServiceProcess.start("onboarding-api", layout.onboardingApi(), LoopbackPort.free(),
                Map.of("kafka.bootstrap.servers", kafka,
                        "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                        "quarkus.datasource.username", database.username()),
                Map.of("QUARKUS_DATASOURCE_PASSWORD", database.password()),
                logs));
        LOG.info("Starting tenant-worker");
        String simulatorUrl = simulator.baseUri().toString();
        worker = track(ServiceProcess.start("tenant-worker", layout.tenantWorker(), LoopbackPort.free(),
                Map.of("kafka.bootstrap.servers", kafka,
                        "worker.identity.authority-host", simulatorUrl,
                        "worker.graph.base-url", simulatorUrl,
                        "worker.exchange.base-url", simulatorUrl,
                        // the simulator's certificate is made at its start; production keeps the JDK's trust
                        "javax.net.ssl.trustStore", simulator.trustStore().toString(),
                        "javax.net.ssl.trustStoreType", "PKCS12",
                        "javax.net.ssl.trustStorePassword", simulator.trustStorePassword()),
                Map.of("WORKER_IDENTITY_CLIENT_ID", simulatorOptions.clientId(),
                        "WORKER_IDENTITY_CLIENT_SECRET", simulatorOptions.clientSecret()),
                logs));
    }

    public URI apiBaseUri() {
        return api.baseUri();
    }

    public URI workerBaseUri() {
        return worker.baseUri();
    }

    public ExchangeOnlineSimulator simulator() {
        return simulator;
    }

    public Path logDirectory() {
        return workDirectory.resolve("logs");
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    /** Stops what was started, newest first, so that services drain before Kafka and PostgreSQL go. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("A local stack component did not stop cleanly", e);
            }
        }
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it will find nothing left to stop
            }
        }
    }
}
