package com.trustifi.onboarding.api;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireSerializer;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the worker would report on the status topic, for tests that run the API without one. */
public final class WorkerReports {

    private WorkerReports() {
    }

    /** The worker stopped the canceled command: what confirms a cancel. */
    public static void stopped(String onboardingId, String tenantId) {
        send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(onboardingId), tenantId,
                Instant.now().toEpochMilli() * 10_000, ProvisioningStep.ONBOARDING, StepOutcome.CANCELED,
                "Stopped before check-tenant: the onboarding was canceled; nothing was changed", null, 1, null, false, Instant.now()));
    }

    public static void send(StatusEvent event) {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (var producer = new KafkaProducer<String, StatusEvent>(properties, new StringSerializer(), new WireSerializer<>())) {
            producer.send(new ProducerRecord<>("provisioning-status", event.tenantId(), event)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish a status event", e);
        }
    }
}
