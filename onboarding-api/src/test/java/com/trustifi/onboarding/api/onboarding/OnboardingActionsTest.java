package com.trustifi.onboarding.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireJson;
import com.trustifi.onboarding.model.WireSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OnboardingActionsTest {

    private TestPartner partner;
    private KafkaProducer<String, StatusEvent> producer;

    @BeforeEach
    void connect() {
        partner = TestPartner.create();
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(properties, new StringSerializer(), new WireSerializer<>());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aFailedOnboardingCanBeRetriedAsANewOnboardingWithItsOwnCommand() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        partner.request().post("/v1/onboardings/" + id + "/retry").then().statusCode(409).contentType("application/problem+json");

        send(event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.FAILED, 1, null, false));
        send(event(id, tenantId, 2, ProvisioningStep.ONBOARDING, StepOutcome.FAILED, 1, null, true));
        awaitStatus(id, "FAILED").body("retryable", equalTo(true));

        var retried = partner.request().post("/v1/onboardings/" + id + "/retry")
                .then().statusCode(202)
                .header("Retry-After", notNullValue())
                .body("originId", equalTo(id))
                .body("kind", equalTo("ONBOARD"))
                .body("status", equalTo("ACCEPTED"))
                .extract();
        String retryId = retried.path("id");
        assertThat(retried.header("Location")).endsWith("/v1/onboardings/" + retryId);

        var command = KafkaTopics.await("provisioning-commands", r -> r.value().contains(retryId));
        assertThat(WireJson.mapper().readValue(command.value(), ProvisioningCommand.class).kind()).isEqualTo(CommandKind.ONBOARD);
        // the retry numbers its events from 1 again, and they apply to it alone
        send(event(retryId, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, 1, null, false));
        awaitStatus(retryId, "RUNNING");
        partner.request().get("/v1/onboardings/" + id).then().body("status", equalTo("FAILED"));
    }

    @Test
    void propagatingHoldsTheTenantAndRetryingStepsShowTheirNextAttempt() {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        Instant next = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        send(event(id, tenantId, 1, ProvisioningStep.ENSURE_TRANSPORT_RULE, StepOutcome.RETRYING, 2, next, false));
        awaitStatus(id, "RUNNING")
                .body("steps[0].outcome", equalTo("RETRYING"))
                .body("steps[0].attempt", equalTo(2))
                .body("steps[0].nextAttemptAt", equalTo(next.toString()));

        send(event(id, tenantId, 2, ProvisioningStep.ENSURE_TRANSPORT_RULE, StepOutcome.CREATED, 3, null, false));
        send(event(id, tenantId, 3, ProvisioningStep.ONBOARDING, StepOutcome.PROPAGATING, 1, null, false));
        awaitStatus(id, "PROPAGATING")
                .header("Retry-After", notNullValue())
                .body("steps[0].nextAttemptAt", nullValue());
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(409);

        send(event(id, tenantId, 4, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, 1, null, false));
        awaitStatus(id, "SUCCEEDED").header("Retry-After", nullValue());
    }

    @Test
    void aCanceledOnboardingHoldsTheTenantUntilTheWorkerStopsThenIgnoresLaterEvents() {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        KafkaTopics.await("provisioning-commands", record -> record.value().contains(id));
        partner.request().post("/v1/onboardings/" + id + "/cancel")
                .then().statusCode(202).body("status", equalTo("CANCELING"));
        partner.request().post("/v1/onboardings/" + id + "/cancel").then().statusCode(409);
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(409);

        WorkerReports.stopped(id, tenantId);
        awaitStatus(id, "CANCELED").body("detail", containsString("Canceled by the partner. Stopped before check-tenant"));
        send(event(id, tenantId, Long.MAX_VALUE, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, 1, null, false));
        String next = create(tenantId);
        send(event(next, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, 1, null, false));
        awaitStatus(next, "RUNNING");
        partner.request().get("/v1/onboardings/" + id).then().body("status", equalTo("CANCELED"));
    }

    @Test
    void verifyPlanOffboardAndRotateIssueTheirOwnCommands() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        String current = id;
        for (String action : new String[] {"verify", "plan", "rotate-secret", "offboard"}) {
            send(event(current, tenantId, 1, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, 1, null, false));
            awaitStatus(current, "SUCCEEDED");
            current = partner.request().post("/v1/onboardings/" + id + "/" + action)
                    .then().statusCode(202).body("originId", equalTo(id)).extract().path("id");
            String commandFor = current;
            var command = WireJson.mapper().readValue(
                    KafkaTopics.await("provisioning-commands", r -> r.value().contains(commandFor)).value(),
                    ProvisioningCommand.class);
            assertThat(command.kind()).isEqualTo(CommandKind.valueOf(action.toUpperCase().replace('-', '_')));
            assertThat(command.relay().relaySecret() == null).isEqualTo(action.equals("offboard"));
        }
    }

    @Test
    void aDryRunIsAPlan() {
        var body = partner.onboarding(UUID.randomUUID().toString(), "contoso.example");
        body.put("dryRun", true);
        partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings")
                .then().statusCode(202).body("kind", equalTo("PLAN"));
    }

    @Test
    void anUnchangedOnboardingIs304AndAWaitingGetAnswersOnTheNextChange() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        String etag = partner.request().get("/v1/onboardings/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        partner.request().header("If-None-Match", etag).get("/v1/onboardings/" + id)
                .then().statusCode(304).header("ETag", etag);

        var waiting = CompletableFuture.supplyAsync(() -> partner.request().header("If-None-Match", etag)
                .queryParam("waitSeconds", 30).get("/v1/onboardings/" + id));
        // nothing has changed yet: the request must still be waiting
        Thread.sleep(1_000);
        assertThat(waiting).as("a long-poll answers only on a change").isNotDone();
        send(event(id, tenantId, 1, ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, 1, null, false));
        var answer = waiting.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("RUNNING");
        assertThat(answer.header("ETag")).isNotEqualTo(etag);

        partner.request().queryParam("waitSeconds", 31).get("/v1/onboardings/" + id)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCommandThatEndedBeforeTheCancelReachedTheWorkerShowsHowItEnded() {
        String tenantId = UUID.randomUUID().toString();
        String id = create(tenantId);
        KafkaTopics.await("provisioning-commands", record -> record.value().contains(id));
        partner.request().post("/v1/onboardings/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELING"));

        send(event(id, tenantId, 5, ProvisioningStep.ONBOARDING, StepOutcome.SUCCEEDED, 1, null, false));

        awaitStatus(id, "SUCCEEDED").body("detail", containsString("ended before the cancel reached the worker"));
    }

    private String create(String tenantId) {
        return partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
    }

    private void send(StatusEvent event) {
        try {
            producer.send(new ProducerRecord<>("provisioning-status", event.tenantId(), event)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish a status event", e);
        }
    }

    private static StatusEvent event(String onboardingId, String tenantId, long sequence, ProvisioningStep step,
            StepOutcome outcome, int attempt, Instant nextAttemptAt, boolean retryable) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(onboardingId), tenantId,
                sequence, step, outcome, outcome.name().toLowerCase(), null, attempt, nextAttemptAt, retryable, Instant.now());
    }

    private io.restassured.response.ValidatableResponse awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(partner.request().get("/v1/onboardings/" + id).then().extract().path("status")));
        return partner.request().get("/v1/onboardings/" + id).then().statusCode(200);
    }
}
