package com.trustifi.onboarding.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the test broker's topics from the beginning. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** The first record on the topic that matches, waiting up to 30 s for it. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No matching record on " + topic);
        }
    }

    /** A provisioning command for one of the tenant's onboardings: not the connection check its consent started. */
    public static boolean isOnboardingCommand(ConsumerRecord<String, String> record, String tenantId) {
        return tenantId.equals(record.key()) && record.value() != null && !record.value().contains("\"kind\":\"CHECK_CONNECTION\"");
    }

    /** Every record on every topic, as far as the brokers have them now. */
    public static List<ConsumerRecord<String, String>> everything() {
        try (var consumer = consumer()) {
            consumer.subscribe(java.util.regex.Pattern.compile(".*"));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            int emptyPolls = 0;
            while (emptyPolls < 6) {
                var batch = consumer.poll(Duration.ofMillis(500));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
