package com.trustifi.onboarding.localstack;

import static com.trustifi.onboarding.localstack.CommandDriver.finalEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant that stays throttled outlasts the worker's in-process retries: the command goes to the
 * delayed retry topics, runs again later, and fails as retryable on its last delivery. A record
 * that cannot be read ends on the dead-letter topic. Delays are seconds here, minutes in production.
 */
class DelayedRetryScenarioTest {

    private static WorkerUnderTest world;
    private static ExchangeOnlineSimulator simulator;
    private static CommandDriver driver;

    @BeforeAll
    static void start() throws Exception {
        world = WorkerUnderTest.start(Map.of(
                "worker.retry.call-attempts", "2",
                "worker.retry.step-attempts", "1",
                "worker.retry.initial-backoff", "100ms",
                "mp.messaging.incoming.provisioning-commands.delayed-retry-topic.topics",
                "provisioning-commands_retry_1000,provisioning-commands_retry_2000"));
        simulator = world.simulator;
        driver = world.driver;
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aTenantThrottledThroughEveryDeliveryFailsAsRetryable() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        SimulatedTenant tenant = simulator.createTenant(new TenantSpec(UUID.randomUUID().toString(), "busy" + id + ".onmicrosoft.com",
                "Busy Ltd", OffsetDateTime.parse("2021-01-01T00:00:00Z"), List.of(DomainSpec.verifiedEmailDomain("busy" + id + ".example", true))));
        simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withThrottling(1.0, 1));

        List<StatusEvent> events = driver.awaitFinal(driver.send(CommandKind.ONBOARD,
                CommandDriver.Request.of(tenant.tenantId(), "busy" + id + ".example", "secret")), Duration.ofSeconds(60));

        StatusEvent result = finalEvent(events);
        assertThat(result.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(result.retryable()).isTrue();
        assertThat(events).as("the final event outranks every earlier one").allMatch(event -> event.sequence() <= result.sequence());
        List<StatusEvent> deferrals = events.stream()
                .filter(event -> event.outcome() == StepOutcome.RETRYING && event.nextAttemptAt() != null)
                .toList();
        assertThat(deferrals).as("two deliveries deferred to the retry topics: " + events).hasSize(2);
        assertThat(deferrals.get(1).occurredAt()).as("the second delivery came after the first delay")
                .isAfterOrEqualTo(deferrals.get(0).nextAttemptAt().minusMillis(100));
        assertThat(tenant.outboundConnectors()).isEmpty();
    }

    @Test
    void anUnreadableCommandEndsOnTheDeadLetterTopic() {
        byte[] poison = "{not a command".getBytes(StandardCharsets.UTF_8);
        var producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, world.kafkaBootstrapServers);
        try (var producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("provisioning-commands", "poison-tenant", poison)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        var consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, world.kafkaBootstrapServers);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> deadKeys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("provisioning-commands-dead-letter"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!deadKeys.contains("poison-tenant") && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> deadKeys.add(record.key()));
            }
        }
        assertThat(deadKeys).contains("poison-tenant");
    }
}
