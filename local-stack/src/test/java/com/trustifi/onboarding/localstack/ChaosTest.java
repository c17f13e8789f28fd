package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.trustifi.onboarding.simulator.SimulatedTenant;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Processes killed under a running batch: the worker, the Kafka broker, the API. Each ends with every onboarding
 * finished and, in the simulator, exactly one of each relay object per SUCCEEDED tenant. Retry delays are seconds
 * here, minutes in production.
 */
class ChaosTest extends ChaosStack {

    @Test
    void theWorkerKilledTwiceDuringABatch() throws Exception {
        Customers customers = Customers.connect("Crash", 60).slowed();
        String batch = customers.submitBatch();

        awaitFinished(batch, 15);
        assertStillRunning(batch, 60);
        stack.killWorker();
        stack.startWorker();
        awaitFinished(batch, 35);
        assertStillRunning(batch, 60);
        stack.killWorker();
        stack.startWorker();

        customers.assertEachOnboardedExactlyOnce(awaitAllFinished(batch, Duration.ofMinutes(3)));
    }

    @Test
    void theKafkaBrokerKilledAndStartedAgainDuringABatch() throws Exception {
        assumeTrue(stack.canRestartKafka(), "Kafka is external or a container: the stack cannot kill it");
        Customers customers = Customers.connect("Broker", 40).slowed();
        String batch = customers.submitBatch();

        awaitFinished(batch, 5);
        assertStillRunning(batch, 40);
        stack.killKafka();
        Thread.sleep(5_000);
        stack.startKafka();

        customers.assertEachOnboardedExactlyOnce(awaitAllFinished(batch, Duration.ofMinutes(4)));
    }

    @Test
    void theApiKilledWhileOnboardingsAreSubmittedLosesNoneItAccepted() throws Exception {
        Customers customers = Customers.connect("Submit", 40);
        Map<String, String> accepted = new ConcurrentHashMap<>();
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        Thread submitter = new Thread(() -> {
            for (int i = 0; i < customers.tenants().size(); i++) {
                SimulatedTenant tenant = customers.tenants().get(i);
                // as a careful portal does: the same Idempotency-Key until an answer comes, so a lost answer is not a lost onboarding
                while (!accepted.containsKey(tenant.tenantId())) {
                    try {
                        Response answer = customers.onboard(tenant, "chaos-" + tenant.tenantId());
                        if (answer.statusCode() == 202) {
                            accepted.put(tenant.tenantId(), answer.header("Location"));
                        } else {
                            refused.incrementAndGet();
                            Thread.sleep(200);
                        }
                    } catch (Exception apiDown) {
                        // connection refused or reset: RestAssured throws the IOException unchecked
                        refused.incrementAndGet();
                        sleepQuietly(200);
                    }
                }
                if (i == customers.tenants().size() / 2) {
                    halfway.countDown();
                    // the second half is submitted while the API is down and starting again
                    awaitQuietly(killed);
                }
            }
        });
        submitter.start();
        halfway.await();
        stack.killApi();
        killed.countDown();
        stack.startApi();
        submitter.join(Duration.ofMinutes(2).toMillis());

        assertThat(refused.get()).as("requests the API could not answer while it was down").isPositive();
        Map<String, String> statuses = new HashMap<>();
        accepted.forEach((tenant, location) -> statuses.put(tenant, customers.partner().awaitTerminal(location).getString("status")));
        customers.assertEachOnboardedExactlyOnce(statuses);
    }
}
