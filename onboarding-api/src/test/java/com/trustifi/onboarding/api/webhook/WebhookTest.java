package com.trustifi.onboarding.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
class WebhookTest {

    /** One call the receiver got. */
    record Call(String timestamp, String signature, String body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer receiver;
    private TestPartner partner;

    @BeforeEach
    void startReceiver() throws Exception {
        partner = TestPartner.create();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body));
            // the first call fails, so that the event has to be sent again
            exchange.sendResponseHeaders(answered.getAndIncrement() == 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFinishedOnboardingIsPostedSignedAndSentAgainAfterAFailure() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String secret = partner.request().contentType(ContentType.JSON).body(Map.of("url", url, "events", "TERMINAL"))
                .put("/v1/webhook").then().statusCode(200).body("url", equalTo(url)).extract().path("secret");
        assertThat(secret).isNotBlank();
        partner.request().get("/v1/webhook").then().statusCode(200).body("secret", nullValue()).body("events", equalTo("TERMINAL"));

        String tenantId = UUID.randomUUID().toString();
        String id = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(id), tenantId, 1,
                ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "domains verified", null, 1, null, false, Instant.now()));
        send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), UUID.fromString(id), tenantId, 2,
                ProvisioningStep.ONBOARDING, StepOutcome.FAILED, "Exchange refused", "grant the role", 1, null, true, Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> calls.size() >= 2);
        // TERMINAL: the step's event caused no call; the first call failed and the same event came again
        assertThat(calls.get(0).body()).isEqualTo(calls.get(1).body());
        for (Call call : calls) {
            assertThat(call.signature()).isEqualTo(WebhookSignature.of(secret, call.timestamp(), call.body()));
            assertThat(Long.parseLong(call.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        }
        JsonNode event = new ObjectMapper().readTree(calls.get(1).body());
        assertThat(event.get("type").asText()).isEqualTo("onboarding.finished");
        assertThat(event.get("onboardingId").asText()).isEqualTo(id);
        assertThat(event.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(event.get("status").asText()).isEqualTo("FAILED");
        assertThat(event.get("detail").asText()).isEqualTo("Exchange refused");
        assertThat(event.get("remediation").asText()).isEqualTo("grant the role");
        assertThat(event.get("retryable").asBoolean()).isTrue();
        Thread.sleep(1000);
        assertThat(calls).hasSize(2);
    }

    @Test
    void onlyHttpUrlsAreAcceptedAndAWebhookCanBeRemoved() {
        partner.request().contentType(ContentType.JSON).body(Map.of("url", "file:///etc/passwd", "events", "ALL_STEPS"))
                .put("/v1/webhook").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        partner.request().get("/v1/webhook").then().statusCode(404);

        partner.request().contentType(ContentType.JSON)
                .body(Map.of("url", "https://portal.example/hook", "events", "ALL_STEPS", "secret", "a-secret-of-my-own-choosing"))
                .put("/v1/webhook").then().statusCode(200).body("secret", nullValue());
        partner.request().delete("/v1/webhook").then().statusCode(204);
        partner.request().get("/v1/webhook").then().statusCode(404).contentType("application/problem+json");
    }

    private static void send(StatusEvent event) throws Exception {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (var producer = new KafkaProducer<String, StatusEvent>(properties, new StringSerializer(), new WireSerializer<>())) {
            producer.send(new ProducerRecord<>("provisioning-status", event.tenantId(), event)).get();
        }
    }
}
