package com.trustifi.onboarding.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class IdempotencyTest {

    private TestPartner partner;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    @Test
    void theSameKeyAndBodyAnswerTheStoredResponse() {
        String tenantId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Response first = post(key, tenantId);
        Response again = post(key, tenantId);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Retry-After")).isEqualTo(first.header("Retry-After"));
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(onboardingsOf(tenantId)).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsForgottenAndItsRetryIsANewRequest() {
        String key = UUID.randomUUID().toString();
        post(key, UUID.randomUUID().toString()).then().statusCode(202);
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.update("createdAt = ?1 where id.key = ?2",
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)), key));

        assertThat(idempotencyKeys.forgetExpired()).isGreaterThanOrEqualTo(1);
        post(key, UUID.randomUUID().toString()).then().statusCode(202);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, UUID.randomUUID().toString()).then().statusCode(202);
        post(key, UUID.randomUUID().toString()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        String tenantId = UUID.randomUUID().toString();
        post(null, tenantId).then().statusCode(202);
        String key = UUID.randomUUID().toString();
        post(key, tenantId).then().statusCode(409);
        // the conflict stored nothing, so the key answers afresh rather than replaying the conflict
        assertThat(post(key, tenantId).header("Idempotent-Replayed")).isNull();
    }

    @Test
    void fiftyConcurrentReplaysCreateExactlyOneOnboarding() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return post(key, tenantId);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (var future : responses) {
                Response response = future.get();
                assertThat(response.statusCode()).isIn(202, 409);
                if (response.statusCode() == 202) {
                    ids.add(response.jsonPath().getString("id"));
                } else {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(onboardingsOf(tenantId)).isEqualTo(1);
        assertThat(post(key, tenantId).statusCode()).isEqualTo(202);
    }

    private Response post(String key, String tenantId) {
        var request = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/v1/onboardings");
    }

    private static long onboardingsOf(String tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.count("tenantId = ?1 and kind <> ?2", tenantId,
                com.trustifi.onboarding.model.CommandKind.CHECK_CONNECTION));
    }
}
