package com.trustifi.onboarding.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

/**
 * A single KRaft node (broker and controller combined) running as its own JVM, so that it can be killed
 * and restarted independently of the caller, like a real broker.
 *
 * <p>The child runs on the classes of a classpath that must contain kafka_2.13 and its runtime
 * dependencies; by default the caller's own, which does when it depends on this module. Everything the
 * broker writes (configuration, log segments, its standard output in {@value #LOG_FILE}) stays in the data
 * folder after {@link #close()}. Kafka's own log lines go to whichever SLF4J provider that classpath has;
 * the JBoss LogManager one that Quarkus brings prints nothing unless configured.
 *
 * <p>Callers must {@link #close()} the broker. A shutdown hook only covers a JVM that exits normally
 * without doing so; a killed parent leaves the broker running.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

    static final String LOG_FILE = "broker.log";

    private static final Logger LOG = Logger.getLogger(KafkaBrokerProcess.class);
    private static final Duration PORT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final int port;
    private final List<String> serverCommand;
    private final Path log;
    private final Thread stopOnExit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Process process;

    private KafkaBrokerProcess(Process process, int port, List<String> serverCommand, Path log) {
        this.process = process;
        this.port = port;
        this.serverCommand = serverCommand;
        this.log = log;
        this.bootstrapServers = "127.0.0.1:" + port;
        this.stopOnExit = new Thread(this::stop, "kafka-broker-process-stop");
    }

    /** Starts a broker on the caller's classpath, keeping its files in {@code dataDir} (new or empty). */
    public static KafkaBrokerProcess start(Path dataDir) {
        return start(dataDir, System.getProperty("java.class.path"));
    }

    /** Starts a broker on the given classpath, keeping its files in {@code dataDir} (new or empty). */
    public static KafkaBrokerProcess start(Path dataDir, String classpath) {
        long started = System.nanoTime();
        int port = LoopbackPort.free();
        int controllerPort = LoopbackPort.free();
        Path config = writeServerProperties(dataDir, port, controllerPort);
        Path jvmOptions = writeJvmOptions(dataDir, classpath);
        Path log = dataDir.resolve(LOG_FILE);

        runToCompletion(command(jvmOptions, "kafka.tools.StorageTool",
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()), log);
        List<String> serverCommand = command(jvmOptions, "kafka.Kafka", config.toString());
        Process process = launch(serverCommand, log);

        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port, serverCommand, log);
        Runtime.getRuntime().addShutdownHook(broker.stopOnExit);
        try {
            awaitPort(process, port, log);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return BrokerReadiness.awaitStarted(broker, READY_TIMEOUT, started);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String toString() {
        return "Kafka process " + process.pid() + " at " + bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crashed broker host would end it: nothing is flushed or handed over. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the killed broker again: same ports, same data, same cluster. */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("Kafka is still running");
        }
        process = launch(serverCommand, log);
        awaitPort(process, port, log);
        BrokerReadiness.await(bootstrapServers, READY_TIMEOUT);
        LOG.infof("Kafka process %d at %s started again", process.pid(), bootstrapServers);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running or about to run; stopping twice is harmless.
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Kafka process %d ignored SIGTERM for %s; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path writeServerProperties(Path dataDir, int port, int controllerPort) {
        Map<String, String> settings = new TreeMap<>(SingleNodeBrokerConfig.settings());
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDir.resolve("data").toAbsolutePath().toString());
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Single-node KRaft broker written by " + KafkaBrokerProcess.class.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /**
     * Passes the classpath in a java argument file: a test classpath can exceed the 128 KiB that Linux
     * allows for one command-line argument.
     */
    private static Path writeJvmOptions(Path dataDir, String classpath) {
        Path file = dataDir.resolve("jvm.options");
        String quoted = "\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        try {
            Files.writeString(file, "-Xmx512m\n-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    private static List<String> command(Path jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions.toAbsolutePath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private static Process launch(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
    }

    private static void runToCompletion(List<String> command, Path log) {
        Process process = launch(command, log);
        try {
            if (!process.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage took over " + FORMAT_TIMEOUT + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with exit code "
                    + process.exitValue() + "; see " + log);
        }
    }

    private static void awaitPort(Process process, int port, Path log) {
        long deadline = System.nanoTime() + PORT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYetListening) {
                sleep(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("Kafka did not open port " + port + " within " + PORT_TIMEOUT + "; see " + log);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
