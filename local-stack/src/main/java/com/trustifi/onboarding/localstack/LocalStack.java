package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.infrastructure.DatabaseEndpoint;
import com.trustifi.onboarding.infrastructure.EmbeddedPostgresServer;
import com.trustifi.onboarding.infrastructure.InfrastructurePlan;
import com.trustifi.onboarding.infrastructure.InfrastructureSettings;
import com.trustifi.onboarding.infrastructure.KafkaBrokerProcess;
import com.trustifi.onboarding.infrastructure.KafkaContainerBroker;
import com.trustifi.onboarding.infrastructure.LocalDnsServer;
import com.trustifi.onboarding.infrastructure.LoopbackPort;
import com.trustifi.onboarding.infrastructure.PostgresContainerServer;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.signin.AdministratorBrowser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker process, the Exchange Online
 * simulator, a DNS server for the SPF check, and both services as their own JVMs, wired as in
 * production. External Kafka or PostgreSQL are used instead when {@link InfrastructureSettings}
 * names them, and containers when its {@code infrastructure} mode chooses them ({@link InfrastructurePlan}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);
    static final String RELAY_KEY_ID = "local";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path workDirectory;
    /** Stops the stack on Ctrl-C or any other JVM exit, also while it is still starting. */
    private final Thread stopOnExit = new Thread(this::close, "local-stack-shutdown");
    /** This run's key for relay secrets; both services get it, nothing else does. */
    private final String relayKey = newKey();
    /** This run's operator key, with which partners are signed up. */
    private final String operatorKey = newKey();
    private String kafkaBootstrapServers;
    private ExchangeOnlineSimulator simulator;
    private LocalDnsServer dns;
    private TraceCollector traces;
    private ServiceProcess api;
    private final List<ServiceProcess> workers = new ArrayList<>();
    /** Null unless the stack started its own embedded server: only those can be stopped and restarted from here. */
    private EmbeddedPostgresServer postgres;
    private KafkaBrokerProcess kafkaBroker;

    private LocalStack(Path workDirectory) {
        this.workDirectory = workDirectory;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * API settings that leave the check confirming an onboarding in effect to 30 minutes after it, as in production: for
     * runs that load or measure the stack, where those checks would run in the middle of the work.
     */
    public static final Map<String, String> ACTIVATION_AS_IN_PRODUCTION = Map.of("onboarding.fleet-watch.activation-wait", "30m");

    /** Starts everything, or stops what it had started and rethrows. */
    public static LocalStack start(ProjectLayout layout, Path workDirectory) throws IOException {
        return start(layout, workDirectory, Settings.DEFAULTS);
    }

    /** Starts everything with the worker's settings overridden (shorter retry delays, for a test). */
    static LocalStack start(ProjectLayout layout, Path workDirectory, Map<String, String> workerOverrides) throws IOException {
        return start(layout, workDirectory, Settings.DEFAULTS.withWorkerOverrides(workerOverrides));
    }

    /**
     * Where the API and the simulator listen; 0 means any free port. Serve mode fixes them, so that
     * a person can use the API at a known address.
     */
    public record Ports(int api, int simulator) {
    }

    /**
     * How the stack is started.
     *
     * @param ports           where the API and the simulator listen
     * @param workerOverrides worker configuration that replaces the defaults (shorter retry delays, for a test)
     * @param apiOverrides    onboarding-api configuration that replaces the defaults (a shorter fleet-watch tick, for a test)
     * @param workers         worker processes in the one consumer group
     * @param durableCommits  PostgreSQL flushes every commit before it returns, as production does; the embedded
     *                        default does not, which tests can afford
     * @param traced          both services record every trace and export it to a {@link TraceCollector}
     */
    public record Settings(Ports ports, Map<String, String> workerOverrides, Map<String, String> apiOverrides, int workers,
            boolean durableCommits, boolean traced) {

        public static final Settings DEFAULTS = new Settings(new Ports(0, 0), Map.of(), Map.of(), 1, false, false);

        public Settings {
            workerOverrides = Map.copyOf(workerOverrides);
            apiOverrides = Map.copyOf(apiOverrides);
            if (workers < 1) {
                throw new IllegalArgumentException("at least one worker: " + workers);
            }
        }

        public Settings withPorts(Ports newPorts) {
            return new Settings(newPorts, workerOverrides, apiOverrides, workers, durableCommits, traced);
        }

        public Settings withWorkerOverrides(Map<String, String> overrides) {
            return new Settings(ports, overrides, apiOverrides, workers, durableCommits, traced);
        }

        public Settings withApiOverrides(Map<String, String> overrides) {
            return new Settings(ports, workerOverrides, overrides, workers, durableCommits, traced);
        }

        public Settings withWorkers(int count) {
            return new Settings(ports, workerOverrides, apiOverrides, count, durableCommits, traced);
        }

        public Settings withDurableCommits() {
            return new Settings(ports, workerOverrides, apiOverrides, workers, true, traced);
        }

        public Settings withTraces() {
            return new Settings(ports, workerOverrides, apiOverrides, workers, durableCommits, true);
        }
    }

    /** Starts everything as the settings say, or stops what it had started and rethrows. */
    public static LocalStack start(ProjectLayout layout, Path workDirectory, Settings settings) throws IOException {
        logAtInfoUnlessConfigured();
        var stack = new LocalStack(workDirectory);
        try {
            stack.startAll(layout, InfrastructureSettings.fromEnvironment(), settings);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * JBoss LogManager without a configuration, as in this JVM, enables every level: the libraries here (the simulator's
     * Jetty above all) then formatted every DEBUG message, which was most of the simulator's CPU with thousands of
     * calls in flight.
     */
    private static void logAtInfoUnlessConfigured() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        if (root.getLevel() == null || root.getLevel() == Level.ALL) {
            root.setLevel(Level.INFO);
        }
    }

    private void startAll(ProjectLayout layout, InfrastructureSettings infrastructure, Settings settings) throws IOException {
        Ports ports = settings.ports();
        InfrastructurePlan plan = InfrastructurePlan.of(infrastructure);
        DatabaseEndpoint database = switch (plan.database()) {
            case EXTERNAL -> infrastructure.database().orElseThrow();
            case EMBEDDED -> {
                LOG.info("Starting PostgreSQL");
                postgres = track(EmbeddedPostgresServer.start(EmbeddedPostgresServer.DEFAULT_DATABASE, settings.durableCommits()));
                yield postgres.endpoint();
            }
            case CONTAINER -> {
                LOG.info("Starting PostgreSQL in a container");
                yield track(PostgresContainerServer.start(EmbeddedPostgresServer.DEFAULT_DATABASE, settings.durableCommits()))
                        .endpoint();
            }
        };
        String kafka = switch (plan.kafka()) {
            case EXTERNAL -> infrastructure.kafkaBootstrapServers().orElseThrow();
            case EMBEDDED -> {
                LOG.info("Starting Kafka");
                kafkaBroker = track(KafkaBrokerProcess.start(workDirectory.resolve("kafka")));
                yield kafkaBroker.bootstrapServers();
            }
            case CONTAINER -> {
                LOG.info("Starting Kafka in a container");
                yield track(KafkaContainerBroker.start()).bootstrapServers();
            }
        };
        kafkaBootstrapServers = kafka;
        LOG.info("Starting the Exchange Online simulator and DNS");
        simulator = track(ExchangeOnlineSimulator.start(
                SimulatorOptions.defaults(Files.createDirectories(workDirectory.resolve("simulator"))).withPort(ports.simulator())));
        dns = track(LocalDnsServer.start());
        Map<String, String> tracing = Map.of();
        if (settings.traced()) {
            traces = track(TraceCollector.start(workDirectory.resolve("traces.jsonl")));
            tracing = traces.serviceSettings();
        }

        LOG.info("Starting onboarding-api");
        int apiPort = ports.api() == 0 ? LoopbackPort.free() : ports.api();
        Map<String, String> apiSettings = new LinkedHashMap<>(Map.of("kafka.bootstrap.servers", kafka,
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                // connect links send the customer's administrator to the simulator's sign-in and consent pages
                "onboarding.tenant-connections.client-id", SimulatorOptions.DEFAULT_CLIENT_ID,
                "onboarding.tenant-connections.authority-host", simulator.baseUri().toString(),
                "onboarding.tenant-connections.trust-store", simulator.trustStore().toString(),
                "onboarding.tenant-connections.trust-store-password", simulator.trustStorePassword(),
                "onboarding.tenant-connections.redirect-uri",
                "http://127.0.0.1:" + apiPort + "/v1/tenant-connections/callback"));
        // the simulator puts a rule in effect at once: the fleet watch confirms an onboarding ACTIVE within seconds here,
        // where against Exchange Online it waits 30 minutes, and gives up after two checks
        apiSettings.put("onboarding.fleet-watch.activation-wait", "10s");
        apiSettings.put("onboarding.fleet-watch.activation-attempts", "2");
        apiSettings.put("onboarding.fleet-watch.tick", "1s");
        apiSettings.putAll(tracing);
        apiSettings.putAll(settings.apiOverrides());
        api = track(ServiceProcess.start("onboarding-api", ServiceProcess.API_MEMORY, layout.onboardingApi(), apiPort,
                apiSettings,
                Map.of("quarkus.datasource.password", database.password(),
                        "onboarding.operator.api-key", operatorKey,
                        "onboarding.relay-secrets.current-key-id", RELAY_KEY_ID,
                        "onboarding.relay-secrets.keys." + RELAY_KEY_ID, relayKey,
                        "onboarding.tenant-connections.state-key", newKey(),
                        "onboarding.tenant-connections.client-secret", SimulatorOptions.DEFAULT_CLIENT_SECRET),
                workDirectory));
        Map<String, String> workerSettings = new LinkedHashMap<>(tracing);
        workerSettings.putAll(settings.workerOverrides());
        for (int n = 1; n <= settings.workers(); n++) {
            LOG.infof("Starting tenant-worker %d of %d", n, settings.workers());
            workers.add(track(startWorker(layout, kafka, simulator, dns, relayKey, workerSettings,
                    workDirectory, n == 1 ? "tenant-worker" : "tenant-worker-" + n)));
        }
    }

    /**
     * The worker wired to the simulator and the local DNS server; the end-to-end tests start it
     * alone too, with {@code overrides} for their own settings.
     */
    static ServiceProcess startWorker(ProjectLayout layout, String kafka, ExchangeOnlineSimulator simulator,
            LocalDnsServer dns, String relayKey, Map<String, String> overrides, Path workDirectory) throws IOException {
        return startWorker(layout, kafka, simulator, dns, relayKey, overrides, workDirectory, "tenant-worker");
    }

    private static ServiceProcess startWorker(ProjectLayout layout, String kafka, ExchangeOnlineSimulator simulator,
            LocalDnsServer dns, String relayKey, Map<String, String> overrides, Path workDirectory, String name) throws IOException {
        String simulatorUrl = simulator.baseUri().toString();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", kafka);
        properties.put("worker.identity.authority-host", simulatorUrl);
        properties.put("worker.graph.base-url", simulatorUrl);
        properties.put("worker.exchange.base-url", simulatorUrl);
        properties.put("worker.spf.resolver", dns.address());
        // the simulator's certificate is made at its start; production keeps the JDK's trust
        properties.put("javax.net.ssl.trustStore", simulator.trustStore().toString());
        properties.put("javax.net.ssl.trustStoreType", "PKCS12");
        properties.put("javax.net.ssl.trustStorePassword", simulator.trustStorePassword());
        properties.putAll(overrides);
        return ServiceProcess.start(name, ServiceProcess.WORKER_MEMORY, layout.tenantWorker(), LoopbackPort.free(), properties,
                Map.of("worker.identity.client-id", SimulatorOptions.DEFAULT_CLIENT_ID,
                        "worker.identity.client-secret", SimulatorOptions.DEFAULT_CLIENT_SECRET,
                        "worker.relay-secrets.current-key-id", RELAY_KEY_ID,
                        "worker.relay-secrets.keys." + RELAY_KEY_ID, relayKey),
                workDirectory);
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A browser for a customer's administrator: it trusts the simulator's certificate and keeps its own cookies. */
    public AdministratorBrowser administratorBrowser() {
        return AdministratorBrowser.trusting(simulator.clientTrust());
    }

    public URI apiBaseUri() {
        return api.baseUri();
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String operatorKey() {
        return operatorKey;
    }

    /** SIGKILL of the (first) worker, as a crash would end it. */
    public void killWorker() throws InterruptedException {
        workers.get(0).kill();
    }

    /** Starts the killed worker again, on its port, with its configuration. */
    public void startWorker() throws IOException {
        workers.get(0).startAgain();
    }

    /** The API's peak resident memory so far, in MiB. */
    public long apiPeakRssMb() {
        return api.peakRssMb();
    }

    /** CPU seconds used so far by the API and by all workers. */
    public double apiCpuSeconds() {
        return api.cpuSeconds();
    }

    public double workersCpuSeconds() {
        return workers.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
    }

    /** CPU seconds used so far by the embedded PostgreSQL, its connections' processes included; 0 for another. */
    double postgresCpuSeconds() {
        return postgres == null ? 0 : ProcessTreeCpu.seconds(postgres.pid());
    }

    /** CPU seconds used so far by the Kafka broker started here; 0 for another. */
    double kafkaCpuSeconds() {
        return kafkaBroker == null ? 0 : ProcessTreeCpu.seconds(kafkaBroker.pid());
    }

    JvmThreadCpu apiJvmThreadCpu() {
        return api.jvmThreadCpu();
    }

    JvmThreadCpu workersJvmThreadCpu() {
        return workers.stream().map(ServiceProcess::jvmThreadCpu).reduce(JvmThreadCpu.NONE, JvmThreadCpu::plus);
    }

    /** The largest peak resident memory of any worker so far, in MiB. */
    public long workerPeakRssMb() {
        return workers.stream().mapToLong(ServiceProcess::peakRssMb).max().orElse(0);
    }

    /** SIGKILL of the API. */
    public void killApi() throws InterruptedException {
        api.kill();
    }

    public void startApi() throws IOException {
        api.startAgain();
    }

    /** Whether {@link #killKafka()} can work: only the stack's own broker process can be killed and started again. */
    public boolean canRestartKafka() {
        return kafkaBroker != null;
    }

    /** Whether {@link #stopDatabase()} can work: only the stack's own embedded server can be stopped and started again. */
    public boolean canRestartDatabase() {
        return postgres != null;
    }

    /** SIGKILL of the Kafka broker. */
    public void killKafka() throws InterruptedException {
        embedded(kafkaBroker, "Kafka").kill();
    }

    /** Starts the killed broker again: same port, same data. */
    public void startKafka() {
        embedded(kafkaBroker, "Kafka").startAgain();
    }

    /** Stops PostgreSQL (its connections are cut), keeping its data. */
    public void stopDatabase() {
        embedded(postgres, "PostgreSQL").stop();
    }

    /** Starts PostgreSQL again: same port, same data. */
    public void startDatabase() {
        embedded(postgres, "PostgreSQL").startAgain();
    }

    private static <T> T embedded(T server, String name) {
        if (server == null) {
            throw new IllegalStateException(name + " is external or a container, not the stack's own embedded server:"
                    + " the local stack cannot restart it");
        }
        return server;
    }

    public URI workerBaseUri() {
        return workers.get(0).baseUri();
    }

    public ExchangeOnlineSimulator simulator() {
        return simulator;
    }

    /** The collector of both services' spans, when the stack was started {@link Settings#withTraces() traced}. */
    public Optional<TraceCollector> traces() {
        return Optional.ofNullable(traces);
    }

    public LocalDnsServer dns() {
        return dns;
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
