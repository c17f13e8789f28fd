package com.trustifi.onboarding.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A single KRaft node (broker and controller combined) running inside this JVM, built with Kafka's own
 * test kit. Its data lives in a fresh folder that is deleted on {@link #close()}.
 */
public final class InProcessKafkaBroker implements KafkaBroker {

    private static final Logger LOG = Logger.getLogger(InProcessKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    // The test kit fails when it is closed a second time, and both a test and a shutdown hook may close it.
    private final AtomicBoolean closed = new AtomicBoolean();

    private InProcessKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /** Starts a broker whose data lives in the system temporary folder. */
    public static InProcessKafkaBroker start() {
        return start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Starts a broker whose data lives in a new folder inside {@code parentDir}. */
    public static InProcessKafkaBroker start(Path parentDir) {
        long started = System.nanoTime();
        Path dataDir = createDataFolder(parentDir);
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The test kit defaults to the newest metadata version, unstable features included.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBaseDirectory(dataDir)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            SingleNodeBrokerConfig.settings().forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return BrokerReadiness.awaitStarted(new InProcessKafkaBroker(cluster), READY_TIMEOUT, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(cluster);
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("Kafka did not start", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not stop cleanly", e);
            }
        }
    }

    @Override
    public String toString() {
        return "In-process Kafka at " + bootstrapServers;
    }

    private static Path createDataFolder(Path parentDir) {
        try {
            Files.createDirectories(parentDir);
            return Files.createTempDirectory(parentDir, "kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data folder in " + parentDir, e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Could not close a Kafka test kit that failed to start", e);
        }
    }
}
