package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack under the failures it must survive, each while a batch runs through the REST API. Each
 * ends with every onboarding finished and, in the simulator, exactly one of each relay object per
 * SUCCEEDED tenant. Retry delays are seconds here, minutes in production.
 */
class ChaosTest {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Map<String, String> worker = new HashMap<>(ShortRetries.worker(2));
        // a few plans at a time, so that a batch runs in waves and each failure strikes while plans are in flight and
        // others still wait (with the default hundreds, a batch of 40 runs as one wave and ends before the failure)
        worker.put("smallrye.messaging.worker.provisioning.max-concurrency", "8");
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("chaos-local-stack"), worker);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

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
    void aPlanLongerThanTwoMinutesHoldsUpNoneOfFiveHundredRecordsQueuedBehindIt() throws Exception {
        Customers slow = Customers.connect("Slow", 1);
        SimulatedTenant slowTenant = slow.tenants().get(0);
        slow.partner().awaitCheck(slowTenant.tenantId());
        // about 18 Exchange calls at 9 s each: well over the 60 s after which a waiting record used to stop the channel
        stack.simulator().setTenantFaults(slowTenant.tenantId(), FaultProfile.NONE.withLatency(9_000));
        String slowBatch = slow.submitBatch();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(statusOf(slowBatch)));
        long started = System.nanoTime();

        Customers queued = Customers.connect("Queued", 500, slow.partner());
        Map<String, String> statuses = awaitAllFinished(queued.submitBatch(), Duration.ofMinutes(5));

        assertThat(statuses.values()).containsOnly("SUCCEEDED");
        queued.assertEachOnboardedExactlyOnce(statuses);
        assertThat(given().baseUri(stack.workerBaseUri().toString()).get("/q/health/live").statusCode()).isEqualTo(200);
        Map<String, String> slowStatus = awaitAllFinished(slowBatch, Duration.ofMinutes(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the slow plan's length").isGreaterThan(Duration.ofMinutes(2));
        assertThat(slowStatus.values()).containsOnly("SUCCEEDED");
        slow.assertEachOnboardedExactlyOnce(slowStatus);
        stack.simulator().clearTenantFaults(slowTenant.tenantId());
    }

    private static String statusOf(String batch) {
        return Customers.anyPartner.request().queryParam("batchId", batch).get("/v1/onboardings")
                .then().extract().path("items[0].status");
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code count} of the batch's onboardings have finished. */
    private static void awaitFinished(String batch, int count) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> finished(batch) >= count);
    }

    /** The failure must strike while the batch runs, or the scenario proves nothing. */
    private static void assertStillRunning(String batch, int tenants) {
        assertThat(finished(batch)).as("onboardings finished before the failure").isLessThan(tenants);
    }

    private static int finished(String batch) {
        Response report = Customers.anyPartner.request().get("/v1/batches/" + batch);
        if (report.statusCode() != 200) {
            return -1;
        }
        Map<String, Integer> counts = report.jsonPath().getMap("counts", String.class, Integer.class);
        return counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("FAILED", 0) + counts.getOrDefault("CANCELED", 0);
    }

    /** The status of each tenant of the batch, once every one has finished. */
    private static Map<String, String> awaitAllFinished(String batch, Duration patience) {
        Map<String, String> statuses = new HashMap<>();
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var page = Customers.anyPartner.request().queryParam("batchId", batch).queryParam("limit", 500)
                    .get("/v1/onboardings").then().statusCode(200).extract().jsonPath();
            List<String> tenants = page.getList("items.tenantId");
            List<String> status = page.getList("items.status");
            statuses.clear();
            for (int i = 0; i < tenants.size(); i++) {
                statuses.put(tenants.get(i), status.get(i));
            }
            return !statuses.isEmpty() && statuses.values().stream()
                    .allMatch(s -> s.equals("SUCCEEDED") || s.equals("FAILED") || s.equals("CANCELED"));
        });
        return statuses;
    }

    /** New customer tenants of one partner, each with its own relay account, connected through their administrators' consent. */
    private record Customers(PartnerPortal partner, List<SimulatedTenant> tenants, Map<String, String> accounts) {

        static PartnerPortal anyPartner;

        static Customers connect(String label, int count) throws Exception {
            return connect(label, count, PartnerPortal.signUp(stack, label + " partner"));
        }

        static Customers connect(String label, int count, PartnerPortal partner) throws Exception {
            anyPartner = partner;
            List<SimulatedTenant> tenants = new ArrayList<>();
            Map<String, String> accounts = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String name = label.toLowerCase() + id.substring(0, 8);
                SimulatedTenant tenant = stack.simulator().createTenant(new TenantSpec(id, name + ".onmicrosoft.com", label + " " + i,
                        OffsetDateTime.parse("2020-06-01T00:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(name + ".example", true))));
                partner.connect(tenant.tenantId());
                accounts.put(tenant.tenantId(), partner.relayAccount(name + ".example"));
                tenants.add(tenant);
            }
            return new Customers(partner, tenants, accounts);
        }

        /**
         * Every Exchange call of these tenants takes 150 ms, so that a plan lasts seconds and a failure
         * injected after the first onboardings finish meets others in flight.
         */
        Customers slowed() {
            tenants.forEach(tenant -> stack.simulator().setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withLatency(150)));
            return this;
        }

        String submitBatch() {
            List<Map<String, Object>> rows = tenants.stream().map(tenant -> Map.<String, Object>of("tenantId", tenant.tenantId(),
                    "relayAccountId", accounts.get(tenant.tenantId()), "relayDomains", List.of(domainOf(tenant)))).toList();
            return partner.request().body(Map.of("relayAccountId", accounts.get(tenants.get(0).tenantId()), "rows", rows))
                    .post("/v1/batches").then().statusCode(202).extract().path("id");
        }

        Response onboard(SimulatedTenant tenant, String idempotencyKey) {
            return partner.request().header("Idempotency-Key", idempotencyKey)
                    .body(Map.of("tenantId", tenant.tenantId(), "relayAccountId", accounts.get(tenant.tenantId()),
                            "relayDomains", List.of(domainOf(tenant))))
                    .post("/v1/onboardings");
        }

        /** Every SUCCEEDED tenant holds exactly one of each relay object; every other tenant none that it should not. */
        void assertEachOnboardedExactlyOnce(Map<String, String> statuses) {
            assertThat(statuses).hasSize(tenants.size());
            for (SimulatedTenant tenant : tenants) {
                String status = statuses.get(tenant.tenantId());
                assertThat(status).as(tenant.displayName()).isIn("SUCCEEDED", "FAILED", "CANCELED");
                if (status.equals("SUCCEEDED")) {
                    assertThat(tenant.outboundConnectors()).as(tenant.displayName()).hasSize(1);
                    assertThat(tenant.inboundConnectors()).as(tenant.displayName()).hasSize(1);
                    assertThat(tenant.transportRules()).as(tenant.displayName()).hasSize(1);
                }
            }
        }

        private static String domainOf(SimulatedTenant tenant) {
            return tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com"))
                    .findFirst().orElseThrow();
        }
    }
}
