package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.exchange.CallRecord;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults a worker must survive, injected on demand per tenant or globally. */
class FaultConformanceTest extends RunningSimulator {

    private static final Map<String, Object> CONNECTOR = params("Name", "Trustifi Outbound Connector (Send)", "ConnectorType", "OnPremises",
            "UseMXRecord", false, "SmartHosts", List.of("smtp.trustifi.com"), "IsTransportRuleScoped", true);

    private static ConformanceFixture tenantWith(FaultProfile profile) {
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Ærø Fiskeri ApS"));
        simulator.setTenantFaults(fixture.tenant().tenantId(), profile);
        return fixture;
    }

    @Test
    void throttledCallsCarryRetryAfterAndAreLogged() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withThrottling(1.0, 7));

        HttpResponse<String> response = fixture.invoke("Get-OutboundConnector", Map.of());

        assertCmdletError(response, 429, "Retry after 7 seconds");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        CallRecord call = fixture.tenant().callLog().get(0);
        assertThat(call.cmdlet()).isEqualTo("Get-OutboundConnector");
        assertThat(call.status()).isEqualTo(429);
        assertThat(call.retryAfterSeconds()).isEqualTo(7);
        assertThat(call.fault()).isEqualTo("throttled");
        assertThat(call.arrivedAt()).isNotNull();
        assertThat(fixture.tenant().cmdletCounts().get("Get-OutboundConnector").faults()).isEqualTo(1);
    }

    @Test
    void frontEndErrorsAreHtmlAndRunNothing() {
        ConformanceFixture unavailable = tenantWith(FaultProfile.NONE.withUnavailableRate(1.0));
        ConformanceFixture timingOut = tenantWith(FaultProfile.NONE.withGatewayTimeoutRate(1.0));

        HttpResponse<String> response503 = unavailable.invoke("New-OutboundConnector", CONNECTOR);
        HttpResponse<String> response504 = timingOut.invoke("New-OutboundConnector", CONNECTOR);

        assertThat(response503.statusCode()).isEqualTo(503);
        assertThat(response503.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response504.statusCode()).isEqualTo(504);
        assertThat(unavailable.tenant().outboundConnectors()).isEmpty();
        assertThat(timingOut.tenant().outboundConnectors()).isEmpty();
        assertThat(timingOut.tenant().cmdletCounts().get("New-OutboundConnector").writes()).isEqualTo(1);
    }

    @Test
    void ambiguousWritesAreAppliedButAnsweredWithAnError() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withAmbiguousWriteRate(1.0));

        HttpResponse<String> write = fixture.invoke("New-OutboundConnector", CONNECTOR);
        HttpResponse<String> read = fixture.invoke("Get-OutboundConnector", Map.of());

        assertThat(write.statusCode()).isIn(500, 504);
        assertThat(fixture.tenant().outboundConnectors()).hasSize(1);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(fixture.tenant().callLog().get(0).fault()).isEqualTo("ambiguousWrite");
    }

    @Test
    void moreThanThreeConcurrentCallsOfOneTenantAreRefused() throws Exception {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withLatency(400));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> fixture.invoke("Get-TransportRule", Map.of())));
            }
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }

        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isBetween(1L, 3L);
        assertThat(refused.get(0).body()).startsWith("You have reached the maximum number of concurrent requests per tenant");
        assertThat(refused.get(0).headers().firstValue("Retry-After")).isEmpty();
        assertThat(fixture.tenant().maxInFlight()).isGreaterThan(3);
        assertThat(fixture.tenant().callLog()).anyMatch(c -> "concurrencyLimit".equals(c.fault()));
    }

    @Test
    void connectionResetLeavesTheClientWithoutAnswer() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withConnectionResetRate(1.0));

        assertThatThrownBy(() -> client.invokeRaw(fixture.tenant().tenantId(), fixture.token(), "Get-OutboundConnector", Map.of()))
                .isInstanceOf(IOException.class);
        assertThat(fixture.tenant().callLog().get(0).status()).isZero();
        assertThat(fixture.tenant().callLog().get(0).fault()).isEqualTo("connectionReset");
    }

    @Test
    void latencyAndSlowResponsesDelayTheAnswerButNotTheWrite() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withLatency(150, 200).withSlowResponse(300));

        long started = System.nanoTime();
        HttpResponse<String> write = fixture.invoke("New-OutboundConnector", CONNECTOR);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(450);
    }

    @Test
    void missingConsentFailsTheTokenRequestAndIsCounted() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE);
        simulator.setTenantFaults(fixture.tenant().tenantId(), FaultProfile.NONE.withNoConsent(true));

        HttpResponse<String> token = client.requestToken(fixture.tenant().tenantId(), SimulatorOptions.DEFAULT_CLIENT_ID,
                SimulatorOptions.DEFAULT_CLIENT_SECRET, "https://outlook.office365.com/.default");

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(json(token).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(token).get("error_description").asText()).startsWith("AADSTS65001:").contains("has not consented");
        assertThat(fixture.tenant().tokenRequests()).isEqualTo(2);
    }

    @Test
    void missingExchangeRoleIsForbidden() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withNoExchangeRole(true));

        HttpResponse<String> response = fixture.invoke("Get-OrganizationConfig", Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isNotEmpty().matches("\\x00+");
    }

    @Test
    void batchSubRequestsAreFaultedOneByOne() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE.withThrottling(1.0, 3));
        String url = "/adminapi/beta/" + fixture.tenant().tenantId() + "/InvokeCommand";

        HttpResponse<String> response = client.batch(fixture.tenant().tenantId(), fixture.token(), Map.of("requests", List.of(
                Map.of("id", "a", "method", "POST", "url", url, "body", SimulatorClient.cmdletInput("Get-TransportRule", Map.of())))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sub = json(response).get("responses").get(0);
        assertThat(sub.get("status").asInt()).isEqualTo(429);
        assertThat(sub.get("headers").get("Retry-After").asText()).isEqualTo("3");
    }

    @Test
    void adminEndpointsSetAndShowProfilesAndAreNeverFaulted() {
        ConformanceFixture fixture = tenantWith(FaultProfile.NONE);
        String tenantFaults = "/admin/tenants/" + fixture.tenant().tenantId() + "/faults";
        try {
            HttpResponse<String> global = client.putJson("/admin/faults", Map.of("throttleRate", 1.0, "retryAfterSeconds", 2));
            HttpResponse<String> typo = client.putJson("/admin/faults", Map.of("throtleRate", 1.0));
            HttpResponse<String> outOfRange = client.putJson("/admin/faults", Map.of("throttleRate", 2.0));
            HttpResponse<String> own = client.putJson(tenantFaults, Map.of("latencyMinMs", 1, "latencyMaxMs", 2, "maxConcurrentPerTenant", 5));

            assertThat(global.statusCode()).isEqualTo(200);
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.body()).contains("throtleRate");
            assertThat(outOfRange.statusCode()).isEqualTo(400);
            assertThat(own.statusCode()).isEqualTo(200);
            JsonNode shownGlobal = json(client.get("/admin/faults", null));
            assertThat(shownGlobal.get("throttleRate").asDouble()).isEqualTo(1.0);
            assertThat(shownGlobal.get("maxConcurrentPerTenant").asInt()).isEqualTo(3);
            assertThat(json(client.get(tenantFaults, null)).get("maxConcurrentPerTenant").asInt()).isEqualTo(5);
            assertThat(fixture.invoke("Get-TransportRule", Map.of()).statusCode()).as("own profile replaces the global one").isEqualTo(200);

            assertThat(client.delete(tenantFaults).statusCode()).isEqualTo(200);
            assertThat(fixture.invoke("Get-TransportRule", Map.of()).statusCode()).isEqualTo(429);
            assertThat(client.get("/admin/tenants/" + fixture.tenant().tenantId(), null).statusCode()).isEqualTo(200);
            assertThat(client.requestToken(fixture.tenant().tenantId(), SimulatorOptions.DEFAULT_CLIENT_ID,
                    SimulatorOptions.DEFAULT_CLIENT_SECRET, "https://outlook.office365.com/.default").statusCode()).isEqualTo(200);
        } finally {
            simulator.setFaults(FaultProfile.NONE);
        }
    }

    @Test
    void theSeedMakesRandomFaultsReproducible() {
        assertThat(statuses(7)).isEqualTo(statuses(7)).contains(200, 429);
    }

    private static List<Integer> statuses(long seed) {
        try (ExchangeOnlineSimulator own = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory).withSeed(seed))) {
            SimulatorClient ownClient = new SimulatorClient(own);
            ConformanceFixture fixture = ConformanceFixture.newTenant(own, ownClient, TestTenants.withCustomDomain("Seeded"));
            own.setFaults(FaultProfile.NONE.withThrottling(0.5, 1));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(fixture.invoke("Get-TransportRule", Map.of()).statusCode());
            }
            return statuses;
        }
    }
}
