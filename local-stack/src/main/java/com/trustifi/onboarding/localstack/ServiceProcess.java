package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One of our Quarkus services running as its own JVM, as it runs in production. It can be killed and
 * started again with the same port and configuration, as a crashed pod is replaced.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final URI baseUri;
    private final Path log;
    private final Path quarkusRunJar;
    private final int port;
    private final Map<String, String> properties;
    private final Map<String, String> secrets;
    private final Path workDirectory;
    private final List<String> memory;
    private volatile Process process;

    /**
     * Sized for about 300 MB of resident memory per service while it onboards ten thousand tenants (benchmarks/bulk;
     * measured: more, see the README): small platform thread stacks and a code cache that holds what the JIT compiles;
     * each service's heap and collector are its own ({@link #API_MEMORY}, {@link #WORKER_MEMORY}). k8s/ (through the
     * images' Dockerfiles) and the compose file use the same settings.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xss512k", "-XX:ReservedCodeCacheSize=96m", "-XX:MaxMetaspaceSize=160m");
    /**
     * A heap that fits a 10,000-row batch, and G1, for pauses short enough for status polls: its code-cache and class
     * unloading run concurrently (the serial collector stopped the API for 100-700 ms in full collections each time the
     * JIT's code grew by 15% of the code cache).
     */
    static final List<String> API_MEMORY = List.of("-Xmx128m", "-XX:+UseG1GC");
    /**
     * A heap that fits 2,000 plans in flight, each with what it has read of its tenant and its Graph client, and an
     * hour of tokens (at 256 MiB a 10,000-tenant batch under G1 ran a full collection every 5 s). The parallel
     * collector: the worker is throughput work, its plans wait hundreds of milliseconds on Exchange for each call, so
     * its pauses cost little, while G1's concurrent marking and write barriers cost CPU on every plan (10,000 tenants
     * at 200 ms: 49.0 and 54.2 CPU-s against 54.4 and 58.6 under G1, full collections of 0.25-0.55 s every few
     * seconds at the batch's peak).
     */
    static final List<String> WORKER_MEMORY = List.of("-Xmx384m", "-XX:+UseParallelGC");

    /**
     * A system property: JVM options added to every service's command line; {name} becomes the service's name. The same
     * property with {@code .<service name>} appended (e.g. {@code local-stack.service-jvm-options.onboarding-api}) adds
     * options to that service only, after these, so that a flag can be tried on one service.
     */
    static final String EXTRA_JVM_OPTIONS = "local-stack.service-jvm-options";

    private ServiceProcess(String name, List<String> memory, Path quarkusRunJar, int port, Map<String, String> properties,
            Map<String, String> secrets, Path workDirectory) {
        this.name = name;
        this.memory = List.copyOf(memory);
        this.quarkusRunJar = quarkusRunJar;
        this.port = port;
        this.properties = Map.copyOf(properties);
        this.secrets = Map.copyOf(secrets);
        this.workDirectory = workDirectory;
        this.baseUri = URI.create("http://127.0.0.1:" + port);
        this.log = workDirectory.resolve("logs").resolve(name + ".log");
    }

    /**
     * Starts {@code quarkus-run.jar} with the given configuration. Secrets go in {@code secrets},
     * written to a file only its owner can read: a command line is visible to every user of the machine.
     */
    static ServiceProcess start(String name, List<String> memory, Path quarkusRunJar, int port, Map<String, String> properties,
            Map<String, String> secrets, Path workDirectory) throws IOException {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalStateException(quarkusRunJar + " is missing: build the project first (./mvnw package)");
        }
        var service = new ServiceProcess(name, memory, quarkusRunJar, port, properties, secrets, workDirectory);
        service.launch();
        return service;
    }

    /** Starts the killed service again: same port, same configuration, the log appended to. */
    synchronized void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ServiceJdk.java().toString());
        command.addAll(memory);
        command.addAll(JVM_OPTIONS);
        // more JVM options for every service, e.g. a flight recording (benchmarks/bulk --jfr), then for this one
        for (String property : List.of(EXTRA_JVM_OPTIONS, EXTRA_JVM_OPTIONS + "." + name)) {
            String extra = System.getProperty(property, "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
            }
        }
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path secretsFile = secretsFile(name, secrets, workDirectory);
        command.add("-Dquarkus.config.locations=" + secretsFile.toUri());
        command.add("-jar");
        command.add(quarkusRunJar.toString());
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            awaitReady();
        } finally {
            // read once at start: once the service is up (or gone), the file has served its purpose
            Files.deleteIfExists(secretsFile);
        }
    }

    private static Path secretsFile(String name, Map<String, String> secrets, Path workDirectory) throws IOException {
        Path file = workDirectory.resolve(name + "-secrets.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        var content = new Properties();
        content.putAll(secrets);
        try (var out = Files.newOutputStream(file)) {
            content.store(out, "secrets of " + name + "; readable by its owner only");
        }
        return file;
    }

    URI baseUri() {
        return baseUri;
    }

    /** The CPU time the process has used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(cpu -> cpu.toMillis() / 1000.0).orElse(0.0);
    }

    /** What its JIT compilers and garbage collector have used of {@link #cpuSeconds} so far. */
    JvmThreadCpu jvmThreadCpu() {
        return JvmThreadCpu.of(process.pid());
    }

    /** The process's peak resident set size so far (VmHWM), in MiB; 0 where /proc does not tell. */
    long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException notReadable) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens only once Quarkus has started
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** SIGKILL, as a crash or an evicted pod would end it: nothing is finished or committed. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM lets Quarkus finish in-flight work and commit offsets; a stuck JVM is killed after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
