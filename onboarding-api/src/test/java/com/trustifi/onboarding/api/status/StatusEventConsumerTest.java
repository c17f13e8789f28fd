package com.trustifi.onboarding.api.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StatusReport;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class StatusEventConsumerTest {

    private TestPartner partner;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    /** Sends reports, as workers do, and bare events, as workers did before reports. */
    private KafkaProducer<String, Object> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new WireSerializer<>());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void eventsMoveTheOnboardingToSucceededWithEachStepsOutcome() {
        String tenantId = UUID.randomUUID().toString();
        UUID id = accept(tenantId);

        send(event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified"));
        awaitStatus(id, "RUNNING");

        send(event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.CREATED, "created"));
        send(event(id, tenantId, 3, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"));

        awaitStatus(id, "SUCCEEDED")
                .body("steps", hasSize(2))
                .body("steps[0].step", equalTo("check-tenant"))
                .body("steps[0].outcome", equalTo("PASSED"))
                .body("steps[1].step", equalTo("ensure-outbound-connector"))
                .body("steps[1].outcome", equalTo("CREATED"))
                .header("Retry-After", nullValue());
    }

    @Test
    void aReportsEventsAreAppliedInOrderAndItsRedeliveryChangesNothing() {
        String tenantId = UUID.randomUUID().toString();
        UUID id = accept(tenantId);
        StatusReport report = StatusReport.of(List.of(
                event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified"),
                event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.CREATED, "created"),
                event(id, tenantId, 3, ProvisioningStep.ONBOARDING, StepOutcome.PROPAGATING, "the rule is saved")));

        send(report);
        awaitStatus(id, "PROPAGATING").body("steps.step", contains("check-tenant", "ensure-outbound-connector"));

        send(report);
        send(StatusReport.of(List.of(event(id, tenantId, 4, ProvisioningStep.VERIFY, StepOutcome.PASSED, "as required"),
                event(id, tenantId, 5, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"))));
        awaitStatus(id, "SUCCEEDED")
                .body("steps.step", contains("check-tenant", "ensure-outbound-connector", "verify"))
                .body("steps[1].outcome", equalTo("CREATED"));
    }

    @Test
    void anEventThatCannotBeStoredHoldsBackNoneOfTheOthersInItsReport() {
        String tenantId = UUID.randomUUID().toString();
        UUID id = accept(tenantId);
        // PostgreSQL refuses a NUL in text: this event can never be applied, wherever it is retried
        send(StatusReport.of(List.of(
                event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified"),
                event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.CREATED, "created \u0000"),
                event(id, tenantId, 3, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"))));

        awaitStatus(id, "SUCCEEDED").body("steps.step", contains("check-tenant"));
    }

    @Test
    void duplicateAndOutOfOrderEventsDoNotChangeTheStoredResult() {
        String tenantId = UUID.randomUUID().toString();
        UUID id = accept(tenantId);
        StatusEvent created = event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.CREATED, "created");

        // out of order: the step's event and the final one arrive before the first step's
        send(created);
        send(event(id, tenantId, 3, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"));
        send(event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified"));
        awaitStatus(id, "SUCCEEDED").body("steps", hasSize(2));

        // the same event again, and a stale one that would regress the step and the onboarding
        send(created);
        send(event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.FAILED, "stale failure"));
        send(event(id, tenantId, 1, ProvisioningStep.ONBOARDING, StepOutcome.FAILED, "stale failure"));
        // events of one tenant are applied in order, so once this marker is applied the ones before it were too
        UUID marker = accept(UUID.randomUUID().toString());
        send(event(marker, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "marker"));
        awaitStatus(marker, "RUNNING");

        partner.request().when().get("/v1/onboardings/" + id)
                .then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("detail", equalTo("configured"))
                .body("steps", hasSize(2))
                .body("steps[0].outcome", equalTo("PASSED"))
                .body("steps[1].outcome", equalTo("CREATED"))
                .body("steps[1].detail", equalTo("created"));
    }

    @Test
    void aReplayedRunAfterSucceededNeitherReopensTheOnboardingNorFinishesItAgain() {
        String tenantId = UUID.randomUUID().toString();
        UUID id = accept(tenantId);
        send(event(id, tenantId, 10, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "first run"));
        send(event(id, tenantId, 11, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"));
        awaitStatus(id, "SUCCEEDED");

        // a crash replay of the same command numbers its events from its own, later start
        send(event(id, tenantId, 100, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "replay"));
        send(event(id, tenantId, 101, ProvisioningStep.ONBOARDING, StepOutcome.FAILED, "replay failed"));
        UUID marker = accept(UUID.randomUUID().toString());
        send(event(marker, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "marker"));
        awaitStatus(marker, "RUNNING");

        partner.request().when().get("/v1/onboardings/" + id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("detail", equalTo("configured"))
                .body("steps[0].detail", equalTo("first run"));
    }

    @Test
    void aBurstOfEventsIsAppliedAPollAtATimeAndAnUnreadableRecordAmongThemHoldsNothingUp() throws Exception {
        Map<UUID, String> onboardings = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            String tenantId = UUID.randomUUID().toString();
            onboardings.put(accept(tenantId), tenantId);
        }
        // published without waiting, so that polls hold many events of many onboardings, a duplicate and a bad record
        List<Future<?>> sent = new ArrayList<>();
        for (var onboarding : onboardings.entrySet()) {
            UUID id = onboarding.getKey();
            String tenantId = onboarding.getValue();
            StatusEvent created = event(id, tenantId, 2, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepOutcome.CREATED, "created");
            sent.add(producer.send(new ProducerRecord<>("provisioning-status", tenantId,
                    event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified"))));
            sent.add(producer.send(new ProducerRecord<>("provisioning-status", tenantId, created)));
            sent.add(producer.send(new ProducerRecord<>("provisioning-status", tenantId, created)));
            sent.add(producer.send(new ProducerRecord<>("provisioning-status", tenantId,
                    event(id, tenantId, 3, ProvisioningStep.ENSURE_INBOUND_CONNECTOR, StepOutcome.CREATED, "created"))));
            sent.add(producer.send(new ProducerRecord<>("provisioning-status", tenantId,
                    event(id, tenantId, 4, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, "configured"))));
        }
        try (var raw = new KafkaProducer<String, String>(producerProperties(), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>("provisioning-status", onboardings.values().iterator().next(), "{not a status event")).get();
        }
        for (Future<?> record : sent) {
            record.get();
        }

        for (UUID id : onboardings.keySet()) {
            awaitStatus(id, "SUCCEEDED")
                    .body("steps", hasSize(3))
                    .body("steps.outcome", contains("PASSED", "CREATED", "CREATED"))
                    .body("detail", equalTo("configured"));
        }
        // only the bad record was nacked: had its poll been nacked whole, the good events beside it would have gone
        // through the retry topic (and been applied from there) too
        assertThat(recordsKeyedBy("provisioning-status_retry_10000", Set.copyOf(onboardings.values()))).isLessThanOrEqualTo(1);
    }

    /** How many records of the topic, read from its start to its end, have one of these keys. */
    private static long recordsKeyedBy(String topic, Set<String> keys) {
        var properties = producerProperties();
        try (var consumer = new KafkaConsumer<String, byte[]>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long matching = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        matching++;
                    }
                }
            }
            return matching;
        }
    }

    private static Properties producerProperties() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return properties;
    }

    private UUID accept(String tenantId) {
        String id = partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    private void send(StatusEvent event) {
        send(event.tenantId(), event);
    }

    private void send(StatusReport report) {
        send(report.tenantId(), report);
    }

    private void send(String tenantId, Object value) {
        try {
            producer.send(new ProducerRecord<>("provisioning-status", tenantId, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish status", e);
        }
    }

    private static StatusEvent event(UUID onboardingId, String tenantId, long sequence, ProvisioningStep step,
            StepOutcome outcome, String detail) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), onboardingId, tenantId, sequence, step,
                outcome, detail, null, 1, null, false, Instant.now());
    }

    private ValidatableResponse awaitOnboarding(UUID id) {
        return partner.request().when().get("/v1/onboardings/" + id).then().statusCode(200);
    }

    private ValidatableResponse awaitStatus(UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(partner.request().when().get("/v1/onboardings/" + id).then().extract().path("status")));
        return awaitOnboarding(id);
    }
}
