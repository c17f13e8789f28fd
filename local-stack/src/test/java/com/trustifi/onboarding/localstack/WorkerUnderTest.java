package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.infrastructure.InfrastructureSettings;
import com.trustifi.onboarding.infrastructure.LocalDnsServer;
import com.trustifi.onboarding.infrastructure.RunningInfrastructure;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The worker as its own process with Kafka, the simulator and DNS around it, and a driver that
 * plays onboarding-api's part on Kafka. Kafka is whichever {@link InfrastructureSettings} chooses:
 * external, embedded in this JVM (the default) or a container.
 */
final class WorkerUnderTest implements AutoCloseable {

    final String kafkaBootstrapServers;
    private final RunningInfrastructure infrastructure;
    final ExchangeOnlineSimulator simulator;
    final LocalDnsServer dns;
    final CommandDriver driver;
    private final String relayKey;
    private final Map<String, String> overrides;
    private final Path work;
    private ServiceProcess worker;

    private WorkerUnderTest(RunningInfrastructure infrastructure, ExchangeOnlineSimulator simulator, LocalDnsServer dns,
            String relayKey, Map<String, String> overrides, Path work) throws IOException {
        this.infrastructure = infrastructure;
        this.kafkaBootstrapServers = infrastructure.kafkaBootstrapServers();
        this.simulator = simulator;
        this.dns = dns;
        this.relayKey = relayKey;
        this.overrides = overrides;
        this.work = work;
        this.worker = startWorker();
        this.driver = new CommandDriver(kafkaBootstrapServers, relayKey);
    }

    /** @param overrides worker settings for this test, e.g. shorter retry delays */
    static WorkerUnderTest start(Map<String, String> overrides) throws IOException {
        Path work = Files.createTempDirectory("worker-under-test");
        var infrastructure = new RunningInfrastructure(InfrastructureSettings.fromEnvironment());
        var simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(Files.createDirectories(work.resolve("simulator"))));
        var dns = LocalDnsServer.start();
        return new WorkerUnderTest(infrastructure, simulator, dns, LocalStack.newKey(), overrides, work);
    }

    /** Kills the worker with SIGKILL in the middle of whatever it does, and starts a new one in its place. */
    void crashAndRestartWorker() throws IOException, InterruptedException {
        worker.kill();
        worker = startWorker();
    }

    private ServiceProcess startWorker() throws IOException {
        return LocalStack.startWorker(ProjectLayout.find(), kafkaBootstrapServers, simulator, dns, relayKey, overrides, work);
    }

    @Override
    public void close() {
        for (AutoCloseable component : new AutoCloseable[] {driver, worker, dns, simulator, infrastructure}) {
            try {
                component.close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }
}
