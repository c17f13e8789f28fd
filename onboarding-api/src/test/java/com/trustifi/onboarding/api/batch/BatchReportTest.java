package com.trustifi.onboarding.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A batch's progress and results follow the status events of its onboardings. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class BatchReportTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Test
    void progressCountsFinishedOnboardingsAndListsFailuresWithTheirRemedies() throws Exception {
        TestPartner partner = TestPartner.create();
        List<String> tenants = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        partner.connect(tenants.toArray(String[]::new));
        String batchId = partner.request().contentType(ContentType.JSON)
                .body(Map.of("relayAccountId", partner.relayAccountId(), "rows", tenants.stream()
                        .map(tenant -> Map.of("tenantId", tenant, "relayDomains", List.of("contoso.example"))).toList()))
                .post("/v1/batches").then().statusCode(202).extract().path("id");
        partner.request().get("/v1/batches/" + batchId).then().statusCode(200)
                .body("counts.ACCEPTED", equalTo(3))
                .body("percentDone", equalTo(0.0f))
                .body("estimatedCompletionAt", equalTo(null));

        UUID succeeded = onboardingOf(partner, batchId, tenants.get(0));
        UUID failed = onboardingOf(partner, batchId, tenants.get(1));
        try (var producer = producer()) {
            send(producer, event(succeeded, tenants.get(0), StepOutcome.SUCCEEDED, "configured", null));
            send(producer, event(failed, tenants.get(1), StepOutcome.FAILED, FORMULA, "grant the Exchange Administrator role"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                partner.request().get("/v1/batches/" + batchId).then().extract().<Float>path("percentDone") > 60);

        partner.request().get("/v1/batches/" + batchId).then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("counts.SUCCEEDED", equalTo(1))
                .body("counts.FAILED", equalTo(1))
                .body("counts.ACCEPTED", equalTo(1))
                .body("percentDone", equalTo(66.6f))
                .body("estimatedCompletionAt", notNullValue())
                .body("failed.size()", equalTo(1))
                .body("failed[0].tenantId", equalTo(tenants.get(1)))
                .body("failed[0].onboardingId", equalTo(failed.toString()))
                .body("failed[0].detail", equalTo(FORMULA))
                .body("failed[0].remediation", equalTo("grant the Exchange Administrator role"));

        var results = partner.request().get("/v1/batches/" + batchId + "/results.csv").then().statusCode(200)
                .contentType("text/csv").extract();
        List<String> lines = results.asString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("tenantId,onboardingId,status,detail,remediation,retryable");
        assertThat(lines).contains(tenants.get(0) + "," + succeeded + ",SUCCEEDED,configured,,false");
        assertThat(lines).contains(tenants.get(1) + "," + failed + ",FAILED,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","
                + "grant the Exchange Administrator role,false");
        assertThat(lines).contains(tenants.get(2) + "," + onboardingOf(partner, batchId, tenants.get(2)) + ",ACCEPTED,,,false");
    }

    @Test
    void aBatchThatFailsWholeListsItsFirstHundredFailuresAndCountsThemAll() throws Exception {
        TestPartner partner = TestPartner.create();
        List<String> tenants = IntStream.rangeClosed(0, Batches.FAILED_LISTED).mapToObj(n -> UUID.randomUUID().toString())
                .sorted().toList();
        partner.connect(tenants.toArray(String[]::new));
        String batchId = partner.request().contentType(ContentType.JSON)
                .body(Map.of("relayAccountId", partner.relayAccountId(), "rows", tenants.stream()
                        .map(tenant -> Map.of("tenantId", tenant, "relayDomains", List.of("contoso.example"))).toList()))
                .post("/v1/batches").then().statusCode(202).extract().path("id");
        try (var producer = producer()) {
            for (String tenant : tenants) {
                send(producer, event(onboardingOf(partner, batchId, tenant), tenant, StepOutcome.FAILED, "denied",
                        "grant the Exchange Administrator role"));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                partner.request().get("/v1/batches/" + batchId).then().extract().<Integer>path("counts.FAILED") == tenants.size());

        partner.request().get("/v1/batches/" + batchId).then().statusCode(200)
                .body("counts.FAILED", equalTo(Batches.FAILED_LISTED + 1))
                .body("percentDone", equalTo(100.0f))
                .body("failed.size()", equalTo(Batches.FAILED_LISTED))
                .body("failed[0].tenantId", equalTo(tenants.get(0)))
                .body("failed[" + (Batches.FAILED_LISTED - 1) + "].tenantId", equalTo(tenants.get(Batches.FAILED_LISTED - 1)));
        // the one left out of the report is in the results
        assertThat(partner.request().get("/v1/batches/" + batchId + "/results.csv").then().statusCode(200).extract().asString())
                .contains(tenants.get(Batches.FAILED_LISTED) + ",");
    }

    private static UUID onboardingOf(TestPartner partner, String batchId, String tenantId) {
        String id = partner.request().queryParam("batchId", batchId).queryParam("tenantId", tenantId).get("/v1/onboardings")
                .then().statusCode(200).extract().path("items[0].id");
        return UUID.fromString(id);
    }

    private static KafkaProducer<String, StatusEvent> producer() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return new KafkaProducer<>(properties, new StringSerializer(), new WireSerializer<>());
    }

    private static void send(KafkaProducer<String, StatusEvent> producer, StatusEvent event) throws Exception {
        producer.send(new ProducerRecord<>("provisioning-status", event.tenantId(), event)).get();
    }

    private static StatusEvent event(UUID onboardingId, String tenantId, StepOutcome outcome, String detail, String remediation) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), onboardingId, tenantId, 1, ProvisioningStep.ONBOARDING,
                outcome, detail, remediation, 1, null, false, Instant.now());
    }
}
