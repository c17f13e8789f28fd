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
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The stack that the chaos scenarios break, one per test class: retry delays of seconds, a few plans at a time, and
 * the helpers every scenario uses. Each scenario ends with every onboarding finished and, in the simulator, exactly
 * one of each relay object per SUCCEEDED tenant. The scenarios are split across two classes so that the build can run
 * them side by side: most of their time is spent waiting out an outage or a slow tenant.
 */
abstract class ChaosStack {

    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Map<String, String> worker = new HashMap<>(ShortRetries.worker(2));
        // a few plans at a time, so that a batch runs in waves and each failure strikes while plans are in flight and
        // others still wait (with the default hundreds, a batch of 40 runs as one wave and ends before the failure)
        worker.put("smallrye.messaging.worker.<virtual-thread>.max-concurrency", "8");
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("chaos-local-stack"),
                LocalStack.Settings.DEFAULTS.withWorkerOverrides(worker).withApiOverrides(LocalStack.ACTIVATION_AS_IN_PRODUCTION));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static String statusOf(String batch) {
        return Customers.anyPartner.request().queryParam("batchId", batch).get("/v1/onboardings")
                .then().extract().path("items[0].status");
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until at least {@code count} of the batch's onboardings have finished. */
    static void awaitFinished(String batch, int count) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> finished(batch) >= count);
    }

    /** The failure must strike while the batch runs, or the scenario proves nothing. */
    static void assertStillRunning(String batch, int tenants) {
        assertThat(finished(batch)).as("onboardings finished before the failure").isLessThan(tenants);
    }

    static int finished(String batch) {
        Response report = Customers.anyPartner.request().get("/v1/batches/" + batch);
        if (report.statusCode() != 200) {
            return -1;
        }
        Map<String, Integer> counts = report.jsonPath().getMap("counts", String.class, Integer.class);
        return counts.getOrDefault("SUCCEEDED", 0) + counts.getOrDefault("FAILED", 0) + counts.getOrDefault("CANCELED", 0);
    }

    /** The status of each tenant of the batch, once every one has finished. */
    static Map<String, String> awaitAllFinished(String batch, Duration patience) {
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
    record Customers(PartnerPortal partner, List<SimulatedTenant> tenants, Map<String, String> accounts) {

        static PartnerPortal anyPartner;

        static Customers connect(String label, int count) throws Exception {
            return connect(label, count, PartnerPortal.signUp(stack, label + " partner"));
        }

        static Customers connect(String label, int count, PartnerPortal partner) throws Exception {
            return connect(stack, label, count, partner);
        }

        static Customers connect(LocalStack stack, String label, int count, PartnerPortal partner) throws Exception {
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
