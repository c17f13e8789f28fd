package com.trustifi.onboarding.infrastructure;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A single KRaft node in an {@code apache/kafka} container of the same version as the Kafka jars here, with the
 * settings the embedded brokers have ({@link SingleNodeBrokerConfig}): topics are created on first use, with as
 * many partitions.
 */
public final class KafkaContainerBroker implements KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaContainer container;
    private final String bootstrapServers;

    private KafkaContainerBroker(KafkaContainer container) {
        this.container = container;
        this.bootstrapServers = container.getBootstrapServers();
    }

    /** Starts the container; Docker must be reachable (see {@link InfrastructurePlan}). */
    public static KafkaContainerBroker start() {
        long started = System.nanoTime();
        KafkaContainer container = configured();
        container.start();
        return BrokerReadiness.awaitStarted(new KafkaContainerBroker(container), READY_TIMEOUT, started);
    }

    /** The container as it will be started; building it does not reach Docker. */
    static KafkaContainer configured() {
        KafkaContainer container = new KafkaContainer(image());
        environment(SingleNodeBrokerConfig.settings()).forEach(container::withEnv);
        return container;
    }

    /** Same version as the client and broker jars, so that both paths run the same Kafka. */
    static String image() {
        return "apache/kafka:" + AppInfoParser.getVersion();
    }

    /**
     * The image turns each {@code KAFKA_} variable into a broker setting: {@code _} stands for {@code .}, {@code __}
     * for {@code _} and {@code ___} for {@code -}.
     */
    static Map<String, String> environment(Map<String, String> brokerSettings) {
        Map<String, String> variables = new TreeMap<>();
        brokerSettings.forEach((name, value) -> variables.put("KAFKA_" + name.replace("_", "__").replace("-", "___")
                .replace('.', '_').toUpperCase(Locale.ROOT), value));
        return variables;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        // Testcontainers' stop does nothing the second time
        container.stop();
    }

    @Override
    public String toString() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers;
    }
}
