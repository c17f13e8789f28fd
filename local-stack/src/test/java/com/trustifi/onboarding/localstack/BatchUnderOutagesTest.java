package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the stack must outlast while a batch runs: PostgreSQL away for 90 seconds, one tenant answering only 503, one
 * tenant so slow that its plan takes over ninety seconds. Each ends with every onboarding finished and, in the simulator,
 * exactly one of each relay object per SUCCEEDED tenant.
 */
class BatchUnderOutagesTest extends ChaosStack {

    @Test
    void postgresUnreachableFor90SecondsDuringABatch() throws Exception {
        assumeTrue(stack.canRestartDatabase(), "PostgreSQL is external or a container: the stack cannot stop it");
        Customers customers = Customers.connect("Outage", 40).slowed();
        String batch = customers.submitBatch();
        awaitFinished(batch, 5);
        assertStillRunning(batch, 40);

        stack.stopDatabase();
        Thread.sleep(3_000);
        Response meanwhile = customers.partner().request().get("/v1/batches/" + batch);
        assertThat(meanwhile.statusCode()).isEqualTo(503);
        assertThat(meanwhile.contentType()).startsWith("application/problem+json");
        assertThat(meanwhile.header("Retry-After")).isNotNull();
        assertThat(given().baseUri(stack.apiBaseUri().toString()).get("/q/health/ready").statusCode()).isEqualTo(503);
        Thread.sleep(87_000);
        stack.startDatabase();

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> given().baseUri(stack.apiBaseUri().toString()).get("/q/health/ready").statusCode() == 200);
        customers.assertEachOnboardedExactlyOnce(awaitAllFinished(batch, Duration.ofMinutes(4)));
    }

    @Test
    void oneTenantAnsweringOnly503HoldsUpNoneOfFiftyOthersAndFailsRetryably() throws Exception {
        Customers customers = Customers.connect("Neighbour", 50);
        Customers faulty = Customers.connect("Down", 1, customers.partner());
        stack.simulator().setTenantFaults(faulty.tenants().get(0).tenantId(), FaultProfile.NONE.withUnavailableRate(1.0));

        String down = faulty.submitBatch();
        String batch = customers.submitBatch();

        Map<String, String> statuses = awaitAllFinished(batch, Duration.ofMinutes(2));
        assertThat(statuses.values()).containsOnly("SUCCEEDED");
        customers.assertEachOnboardedExactlyOnce(statuses);
        assertThat(given().baseUri(stack.workerBaseUri().toString()).get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(awaitAllFinished(down, Duration.ofMinutes(2)).values()).containsOnly("FAILED");
        var failed = customers.partner().request().get("/v1/batches/" + down).then().statusCode(200).extract().jsonPath();
        assertThat(failed.getBoolean("failed[0].retryable")).isTrue();
        stack.simulator().clearTenantFaults(faulty.tenants().get(0).tenantId());
        // after the last delayed retry the tenant is free: a new onboarding is accepted and succeeds
        String again = faulty.onboard(faulty.tenants().get(0), "again-" + UUID.randomUUID()).then().statusCode(202)
                .extract().header("Location");
        assertThat(faulty.partner().awaitTerminal(again).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aPlanLongerThanNinetySecondsHoldsUpNoneOfFiveHundredRecordsQueuedBehindIt() throws Exception {
        Customers slow = Customers.connect("Slow", 1);
        SimulatedTenant slowTenant = slow.tenants().get(0);
        slow.partner().awaitCheck(slowTenant.tenantId());
        // about 18 Exchange calls at 7 s each: well over the 60 s after which a waiting record used to stop the channel
        stack.simulator().setTenantFaults(slowTenant.tenantId(), FaultProfile.NONE.withLatency(7_000));
        String slowBatch = slow.submitBatch();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(statusOf(slowBatch)));
        long started = System.nanoTime();

        Customers queued = Customers.connect("Queued", 500, slow.partner());
        Map<String, String> statuses = awaitAllFinished(queued.submitBatch(), Duration.ofMinutes(5));

        assertThat(statuses.values()).containsOnly("SUCCEEDED");
        queued.assertEachOnboardedExactlyOnce(statuses);
        assertThat(given().baseUri(stack.workerBaseUri().toString()).get("/q/health/live").statusCode()).isEqualTo(200);
        Map<String, String> slowStatus = awaitAllFinished(slowBatch, Duration.ofMinutes(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the slow plan's length").isGreaterThan(Duration.ofSeconds(90));
        assertThat(slowStatus.values()).containsOnly("SUCCEEDED");
        slow.assertEachOnboardedExactlyOnce(slowStatus);
        stack.simulator().clearTenantFaults(slowTenant.tenantId());
    }
}
