package com.trustifi.onboarding.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follows one relay secret from its creation through every response, every log line and every
 * Kafka record of the run, and finds it nowhere in plain text after the one response that shows it.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class SecretLeakTest {

    private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // the test's own HTTP client logs the one response that shows the secret; the service's lines are what count
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return;
            }
            var line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                line.append(Arrays.toString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                var trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            logLines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.ALL);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(Level.INFO);
    }

    @Test
    void theRelaySecretAppearsOnlyInTheResponseThatCreatedIt() {
        TestPartner partner = TestPartner.create();
        String secret = partner.relaySecret();
        assertThat(secret).isNotBlank();
        List<String> responses = new ArrayList<>();

        String tenantId = UUID.randomUUID().toString();
        var created = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .header("Idempotency-Key", "leak-" + tenantId).post("/v1/onboardings");
        responses.add(created.asString() + created.headers());
        var replay = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .header("Idempotency-Key", "leak-" + tenantId).post("/v1/onboardings");
        responses.add(replay.asString() + replay.headers());
        String id = created.path("id");
        for (String path : new String[] {"/v1/relay-accounts/" + partner.relayAccountId(), "/v1/onboardings/" + id,
                "/q/openapi"}) {
            var response = partner.request().get(path);
            responses.add(response.asString() + response.headers());
        }
        // a cancel the worker confirms frees the tenant, so that rotate-secret issues the command that carries the secret
        var canceled = partner.request().post("/v1/onboardings/" + id + "/cancel");
        assertThat(canceled.statusCode()).isEqualTo(202);
        responses.add(canceled.asString() + canceled.headers());
        WorkerReports.stopped(id, tenantId);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "CANCELED".equals(partner.request().get("/v1/onboardings/" + id).then().extract().path("status")));
        var rotated = partner.request().post("/v1/onboardings/" + id + "/rotate-secret");
        assertThat(rotated.statusCode()).isEqualTo(202);
        responses.add(rotated.asString() + rotated.headers());
        KafkaTopics.await("provisioning-commands", r -> tenantId.equals(r.key()) && String.valueOf(r.value()).contains("ROTATE_SECRET"));

        assertThat(responses).noneMatch(body -> body.contains(secret));
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(secret));
        var records = KafkaTopics.everything();
        assertThat(records).isNotEmpty();
        assertThat(records).noneMatch(record -> String.valueOf(record.value()).contains(secret)
                || String.valueOf(record.key()).contains(secret));
    }
}
