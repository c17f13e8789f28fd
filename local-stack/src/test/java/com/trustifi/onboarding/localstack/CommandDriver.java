package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.RelaySecretCipher;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StatusReport;
import com.trustifi.onboarding.model.WireDeserializer;
import com.trustifi.onboarding.model.WireSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays onboarding-api's part on Kafka: publishes provisioning commands and collects the worker's
 * status events, so worker scenarios run without the API in between.
 */
final class CommandDriver implements AutoCloseable {

    private final KafkaProducer<String, ProvisioningCommand> producer;
    private final KafkaConsumer<String, StatusReport> consumer;
    private final RelaySecretCipher cipher;
    private final Map<UUID, List<StatusEvent>> events = new ConcurrentHashMap<>();

    CommandDriver(String bootstrapServers, String relayKey) {
        var producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new WireSerializer<>());
        var consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new WireDeserializer.StatusReports());
        consumer.subscribe(List.of("provisioning-status"));
        cipher = new RelaySecretCipher(LocalStack.RELAY_KEY_ID, Map.of(LocalStack.RELAY_KEY_ID, relayKey));
    }

    /** What a partner asks for one tenant; the secret is encrypted for that tenant, as the API does. */
    record Request(String tenantId, List<String> relayDomains, String relaySecret, RelayConfiguration.LimitedScope limitedScope,
            String testRecipient, RelayProfileName profile, List<DnsRecord> domainRecords) {

        static Request of(String tenantId, String relayDomain, String relaySecret) {
            return new Request(tenantId, List.of(relayDomain), relaySecret, null, null, null, List.of());
        }

        Request withProfile(RelayProfileName named) {
            return new Request(tenantId, relayDomains, relaySecret, limitedScope, testRecipient, named, domainRecords);
        }

        Request withDomainRecords(List<DnsRecord> records) {
            return new Request(tenantId, relayDomains, relaySecret, limitedScope, testRecipient, profile, records);
        }
    }

    UUID send(CommandKind kind, Request request) {
        UUID onboardingId = UUID.randomUUID();
        var relay = new RelayConfiguration(request.relayDomains(), request.profile(),
                request.relaySecret() == null ? null : cipher.encrypt(request.tenantId(), request.relaySecret()),
                request.limitedScope(), request.testRecipient(), request.domainRecords());
        var command = new ProvisioningCommand(ProvisioningCommand.SCHEMA_VERSION, UUID.randomUUID(), onboardingId,
                request.tenantId(), kind, relay, Instant.now(), 0);
        try {
            producer.send(new ProducerRecord<>("provisioning-commands", request.tenantId(), command)).get();
        } catch (Exception e) {
            throw new AssertionError("The command could not be published", e);
        }
        return onboardingId;
    }

    /** Every event of the onboarding up to and including its final one, in sequence order. */
    synchronized List<StatusEvent> awaitFinal(UUID onboardingId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<StatusEvent> known = events.getOrDefault(onboardingId, List.of());
            if (known.stream().anyMatch(StatusEvent::isFinal)) {
                return known.stream().sorted(java.util.Comparator.comparingLong(StatusEvent::sequence)).toList();
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record -> record.value().events().forEach(event ->
                    events.computeIfAbsent(event.onboardingId(), id -> new ArrayList<>()).add(event)));
        }
        throw new AssertionError("No final status event for " + onboardingId + " within " + timeout
                + "; events so far: " + events.getOrDefault(onboardingId, List.of()));
    }

    static StatusEvent finalEvent(List<StatusEvent> events) {
        return events.stream().filter(StatusEvent::isFinal).findFirst().orElseThrow();
    }

    /** The last event of each step, as the API would show it. */
    static Map<ProvisioningStep, StatusEvent> lastByStep(List<StatusEvent> events) {
        Map<ProvisioningStep, StatusEvent> last = new java.util.LinkedHashMap<>();
        events.stream().filter(event -> !event.isAboutOnboarding()).forEach(event -> last.put(event.step(), event));
        return last;
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
