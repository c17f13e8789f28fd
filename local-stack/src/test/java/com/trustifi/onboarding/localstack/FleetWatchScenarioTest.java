package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.trustifi.onboarding.localstack.ChaosStack.Customers;
import com.trustifi.onboarding.simulator.ExchangeState;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet watch over the whole stack: 100 onboarded tenants, 7 of them changed in 6 ways by their administrators and
 * one given a rule of another vendor's. A sweep finds exactly the 7, with the properties that differ, tells the partner
 * once each and writes nothing anywhere; under REPAIR the 7 are converged back and nothing else is touched.
 */
class FleetWatchScenarioTest {

    private static final String RULE = "Trustifi Outbound Relay";
    private static final String OUTBOUND = "Trustifi Outbound Connector (Send)";
    private static final String INBOUND = "Trustifi Inbound Connector (Receive)";

    private static LocalStack stack;
    private static HttpServer receiver;
    private static final List<String> webhooks = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // the checks that confirm the onboardings in effect wait as long as in production, so that no check but the
        // sweep's reads the tenants; a sweep of the 100 tenants starts within one tick of 2 s
        Map<String, String> api = new HashMap<>(LocalStack.ACTIVATION_AS_IN_PRODUCTION);
        api.putAll(Map.of("onboarding.fleet-watch.tick", "2s", "onboarding.fleet-watch.checks-per-minute", "3000",
                "onboarding.webhook.allow-private-addresses", "true"));
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("fleet-watch-local-stack"),
                LocalStack.Settings.DEFAULTS.withApiOverrides(api));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aSweepFindsExactlyTheDriftedTenantsTellsOnceEachWritesNothingAndRepairRestoresThemAlone() throws Exception {
        PartnerPortal partner = PartnerPortal.signUp(stack, "Fleet watch partner");
        partner.request().body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "events", "TERMINAL"))
                .put("/v1/webhook").then().statusCode(200);
        Customers customers = Customers.connect(stack, "Watch", 100, partner);
        Map<String, String> onboarded = ChaosStack.awaitAllFinished(customers.submitBatch(), Duration.ofMinutes(5));
        assertThat(onboarded.values()).containsOnly("SUCCEEDED");
        List<SimulatedTenant> tenants = customers.tenants();
        Map<String, Map<String, Object>> seed = new HashMap<>();
        tenants.forEach(tenant -> seed.put(tenant.tenantId(), comparable(tenant)));

        Map<SimulatedTenant, List<String>> drifted = new LinkedHashMap<>();
        // Exchange refuses to disable the outbound connector while the rule routes to it: an administrator can disable
        // the inbound one, or point the outbound one elsewhere
        drift(drifted, tenants.get(0), "Set-InboundConnector", Map.of("Identity", INBOUND, "Enabled", false), INBOUND + " Enabled");
        drift(drifted, tenants.get(1), "Set-InboundConnector", Map.of("Identity", INBOUND, "Enabled", false), INBOUND + " Enabled");
        drift(drifted, tenants.get(2), "Set-TransportRule", Map.of("Identity", RULE, "SetHeaderValue", "an-administrators-guess"),
                RULE + " SetHeaderValue");
        drift(drifted, tenants.get(3), "Remove-TransportRule", Map.of("Identity", RULE), RULE + " (object)");
        drift(drifted, tenants.get(4), "Set-OutboundConnector", Map.of("Identity", OUTBOUND, "SmartHosts", List.of("smtp.other-relay.example")),
                OUTBOUND + " SmartHosts");
        drift(drifted, tenants.get(5), "Set-RemoteDomain", Map.of("Identity", "Default", "TNEFEnabled", true), "Default TNEFEnabled");
        drift(drifted, tenants.get(6), "Set-TransportRule", Map.of("Identity", RULE, "SetAuditSeverity", "Low"), RULE + " SetAuditSeverity");
        SimulatedTenant withForeignRule = tenants.get(7);
        stack.simulator().invokeAsAdmin(withForeignRule.tenantId(), "New-TransportRule",
                Map.of("Name", "Company disclaimer", "FromScope", "InOrganization", "Comments", "another vendor's"));
        Map<String, Object> foreignRule = foreignRuleOf(withForeignRule);
        Map<String, Long> writesBefore = writesByTenant(tenants);

        Instant sweep = Instant.now();
        partner.request().post("/v1/conformance/checks").then().statusCode(202);
        Map<String, JsonPath> found = awaitAllCheckedSince(partner, sweep);

        Map<String, List<String>> expected = drifted.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().tenantId(), Map.Entry::getValue));
        Map<String, List<String>> reported = new HashMap<>();
        found.forEach((tenant, conformance) -> {
            if ("DRIFTED".equals(conformance.getString("state"))) {
                reported.put(tenant, conformance.<Map<String, Object>>getList("drift").stream()
                        .map(property -> property.get("object") + " " + property.get("property")).toList());
            }
        });
        assertThat(reported.keySet()).as("exactly the drifted tenants").isEqualTo(expected.keySet());
        expected.forEach((tenant, properties) -> assertThat(reported.get(tenant)).as(tenant).containsAll(properties));
        assertThat(found.values()).filteredOn(conformance -> !"DRIFTED".equals(conformance.getString("state")))
                .allSatisfy(conformance -> assertThat(conformance.getString("state")).isEqualTo("IN_SYNC"));
        assertThat(found.get(tenants.get(2).tenantId()).getList("drift.found")).containsOnly("(not shown)");
        assertThat(found.toString()).doesNotContain("an-administrators-guess");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> driftWebhooks().size() >= 7);
        assertThat(driftWebhooks()).as("one webhook per drifted tenant, each naming one of them")
                .map(body -> expected.keySet().stream().filter(body::contains).toList())
                .allSatisfy(named -> assertThat(named).hasSize(1))
                .map(named -> named.get(0)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(writesByTenant(tenants)).as("a sweep only reads").isEqualTo(writesBefore);
        PartnerCliJar.Run export = PartnerCliJar.run(Files.createTempDirectory("fleet-watch-cli"),
                Map.of("ONBOARDING_API_URL", stack.apiBaseUri().toString(), "ONBOARDING_API_KEY", partner.apiKey()), "drifted");
        assertThat(export.exitCode()).as(export.toString()).isEqualTo(1);
        List<String> rows = export.stdout().lines().toList();
        assertThat(rows.get(0)).isEqualTo("tenantId,object,property,expected,found,firstSeenAt,checkedAt");
        assertThat(rows.stream().skip(1).map(row -> row.substring(0, row.indexOf(','))).distinct())
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(export.stdout()).doesNotContain("an-administrators-guess");

        partner.request().body(Map.of("checkInterval", "PT6H", "policy", "REPAIR")).put("/v1/conformance/settings").then().statusCode(200);
        Instant repairSweep = Instant.now();
        partner.request().post("/v1/conformance/checks").then().statusCode(202);
        awaitAllCheckedSince(partner, repairSweep);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inState(partner, "IN_SYNC") == tenants.size());

        for (SimulatedTenant tenant : tenants) {
            assertThat(withoutRule(comparable(tenant), "Company disclaimer")).as(tenant.displayName() + " as onboarded")
                    .isEqualTo(seed.get(tenant.tenantId()));
        }
        Map<String, Long> writesAfter = writesByTenant(tenants);
        tenants.stream().filter(tenant -> !drifted.containsKey(tenant)).forEach(tenant -> assertThat(writesAfter.get(tenant.tenantId()))
                .as(tenant.displayName() + " saw no write").isEqualTo(writesBefore.get(tenant.tenantId())));
        assertThat(foreignRuleOf(withForeignRule)).as("another vendor's rule is left alone").isEqualTo(foreignRule);
        assertThat(driftWebhooks()).as("the second sweep found the same drift: no news").hasSize(7);
    }

    private static void drift(Map<SimulatedTenant, List<String>> drifted, SimulatedTenant tenant, String cmdlet,
            Map<String, Object> parameters, String property) {
        stack.simulator().invokeAsAdmin(tenant.tenantId(), cmdlet, parameters);
        drifted.put(tenant, List.of(property));
    }

    private static Map<String, JsonPath> awaitAllCheckedSince(PartnerPortal partner, Instant since) {
        Map<String, JsonPath> found = new HashMap<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            found.clear();
            JsonPath page = partner.request().queryParam("limit", 500).get("/v1/conformance").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                found.put(items.get(i).get("tenantId").toString(), new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
            return found.size() == 100 && found.values().stream()
                    .allMatch(item -> item.getString("checkedAt") != null && Instant.parse(item.getString("checkedAt")).isAfter(since));
        });
        return found;
    }

    private static long inState(PartnerPortal partner, String state) {
        return partner.request().queryParam("state", state).queryParam("limit", 500).get("/v1/conformance").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static List<String> driftWebhooks() {
        return webhooks.stream().filter(body -> body.contains("\"type\":\"tenant.drifted\"")).toList();
    }

    private static Map<String, Long> writesByTenant(List<SimulatedTenant> tenants) {
        Map<String, Long> writes = new HashMap<>();
        tenants.forEach(tenant -> writes.put(tenant.tenantId(), ExchangeState.writes(tenant).values().stream().mapToLong(Long::longValue).sum()));
        return writes;
    }

    /** The relay's objects as Get- shows them, without what a re-creation changes (Guid) or every write (timestamps). */
    private static Map<String, Object> comparable(SimulatedTenant tenant) {
        Map<String, Object> state = ExchangeState.of(tenant);
        Map<String, Object> comparable = new LinkedHashMap<>();
        state.forEach((kind, objects) -> comparable.put(kind, objects instanceof List<?> list
                ? list.stream().map(object -> withoutGuid((Map<?, ?>) object)).toList() : withoutGuid((Map<?, ?>) objects)));
        return comparable;
    }

    private static Map<Object, Object> withoutGuid(Map<?, ?> object) {
        Map<Object, Object> copy = new LinkedHashMap<>(object);
        copy.remove("Guid");
        copy.remove("Identity");
        return copy;
    }

    private static Map<String, Object> withoutRule(Map<String, Object> state, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(state);
        copy.put("rules", ((List<?>) state.get("rules")).stream().filter(rule -> !name.equals(((Map<?, ?>) rule).get("Name"))).toList());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> foreignRuleOf(SimulatedTenant tenant) {
        List<?> rules = (List<?>) ExchangeState.of(tenant).get("rules");
        return rules.stream().map(rule -> (Map<String, Object>) new LinkedHashMap<String, Object>((Map<String, Object>) rule))
                .filter(rule -> "Company disclaimer".equals(rule.get("Name"))).findFirst().orElseThrow();
    }
}
