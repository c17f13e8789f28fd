package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.infrastructure.InProcessKafkaBroker;
import com.trustifi.onboarding.infrastructure.LocalDnsServer;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The worker as its own process with Kafka, the simulator and DNS around it, and a driver that
 * plays onboarding-api's part on Kafka.
 */
final class WorkerUnderTest implements AutoCloseable {

    final InProcessKafkaBroker kafka;
    final ExchangeOnlineSimulator simulator;
    final LocalDnsServer dns;
    final CommandDriver driver;
    private final String relayKey;
    private final Map<String, String> overrides;
    private final Path work;
    private ServiceProcess worker;

    private WorkerUnderTest(InProcessKafkaBroker kafka, ExchangeOnlineSimulator simulator, LocalDnsServer dns,
            String relayKey, Map<String, String> overrides, Path work) throws IOException {
        this.kafka = kafka;
        this.simulator = simulator;
        this.dns = dns;
        this.relayKey = relayKey;
        this.overrides = overrides;
        this.work = work;
        this.worker = startWorker();
        this.driver = new CommandDriver(kafka.bootstrapServers(), relayKey);
    }

    /** @param overrides worker settings for this test, e.g. shorter retry delays */
    static WorkerUnderTest start(Map<String, String> overrides) throws IOException {
        Path work = Files.createTempDirectory("worker-under-test");
        var kafka = InProcessKafkaBroker.start(work);
        var simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(Files.createDirectories(work.resolve("simulator"))));
        var dns = LocalDnsServer.start();
        return new WorkerUnderTest(kafka, simulator, dns, LocalStack.newKey(), overrides, work);
    }

    /** Kills the worker with SIGKILL in the middle of whatever it does, and starts a new one in its place. */
    void crashAndRestartWorker() throws IOException, InterruptedException {
        worker.kill();
        worker = startWorker();
    }

    private ServiceProcess startWorker() throws IOException {
        return LocalStack.startWorker(ProjectLayout.find(), kafka.bootstrapServers(), simulator, dns, relayKey, overrides, work);
    }

    @Override
    public void close() {
        for (AutoCloseable component : new AutoCloseable[] {driver, worker, dns, simulator, kafka}) {
            try {
                component.close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }
}
