package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class InvokeCommandEndpointTest extends RunningSimulator {

    private static final String EXCHANGE = "https://outlook.office365.com";
    private static final String CONNECTOR = "Trustifi Outbound Connector (Send)";

    /** The connector the onboarding seed creates. */
    private static Map<String, Object> seedConnector() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Name", CONNECTOR);
        parameters.put("ConnectorType", "OnPremises");
        parameters.put("SmartHosts", List.of("smtp.trustifi.com"));
        parameters.put("TlsSettings", "DomainValidation");
        parameters.put("TlsDomain", "*.trustifi.com");
        parameters.put("IsTransportRuleScoped", true);
        parameters.put("UseMXRecord", false);
        parameters.put("Enabled", true);
        return parameters;
    }

    private static Fixture newTenant() {
        SimulatedTenant tenant = simulator.createTenant(TestTenants.withCustomDomain("Fabrikam"));
        return new Fixture(tenant, client.token(tenant.tenantId(), EXCHANGE));
    }

    private record Fixture(SimulatedTenant tenant, String token) {

        HttpResponse<String> invoke(String cmdlet, Map<String, Object> parameters) {
            return client.invoke(tenant.tenantId(), token, cmdlet, parameters);
        }
    }

    @Test
    void getOnAFreshTenantReturnsNoConnectors() {
        Fixture fixture = newTenant();

        HttpResponse<String> response = fixture.invoke("Get-OutboundConnector", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("@odata.context").asText())
                .isEqualTo("https://outlook.office365.com/adminapi/beta/" + fixture.tenant().tenantId() + "/$metadata#Collection(Exchange.GenericHashTable)");
        assertThat(body.get("@adminapi.warnings")).isEmpty();
        assertThat(body.get("value")).isEmpty();
    }

    @Test
    void newCreatesTheSeedConnectorAndGetReturnsIt() {
        Fixture fixture = newTenant();

        HttpResponse<String> created = fixture.invoke("New-OutboundConnector", seedConnector());
        HttpResponse<String> listed = fixture.invoke("Get-OutboundConnector", Map.of());
        HttpResponse<String> byIdentity = fixture.invoke("get-outboundconnector", Map.of("identity", CONNECTOR.toUpperCase()));

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode connector = json(created).get("value").get(0);
        assertThat(connector.get("Identity").asText()).isEqualTo(CONNECTOR);
        assertThat(connector.get("Name").asText()).isEqualTo(CONNECTOR);
        assertThat(connector.get("Guid").asText()).hasSize(36);
        assertThat(connector.get("ConnectorType").asText()).isEqualTo("OnPremises");
        assertThat(connector.get("SmartHosts").get(0).asText()).isEqualTo("smtp.trustifi.com");
        assertThat(connector.get("TlsSettings").asText()).isEqualTo("DomainValidation");
        assertThat(connector.get("TlsDomain").asText()).isEqualTo("*.trustifi.com");
        assertThat(connector.get("IsTransportRuleScoped").asBoolean()).isTrue();
        assertThat(connector.get("UseMXRecord").asBoolean()).isFalse();
        assertThat(connector.get("Enabled").asBoolean()).isTrue();
        assertThat(connector.get("CloudServicesMailEnabled").asBoolean()).isFalse();
        assertThat(connector.get("RouteAllMessagesViaOnPremises").asBoolean()).isFalse();
        assertThat(connector.get("WhenCreated").asText()).isNotBlank();
        assertThat(json(listed).get("value")).hasSize(1);
        assertThat(json(listed).get("value").get(0)).isEqualTo(connector);
        assertThat(json(byIdentity).get("value").get(0).get("Guid")).isEqualTo(connector.get("Guid"));
    }

    @Test
    void duplicateNameIsRejected() {
        Fixture fixture = newTenant();
        fixture.invoke("New-OutboundConnector", seedConnector());

        HttpResponse<String> duplicate = fixture.invoke("New-OutboundConnector", seedConnector());

        assertCmdletError(duplicate, "already exists");
        assertThat(fixture.tenant().outboundConnectors()).hasSize(1);
    }

    @Test
    void setChangesOneFieldAndKeepsTheOthers() {
        Fixture fixture = newTenant();
        fixture.invoke("New-OutboundConnector", seedConnector());

        HttpResponse<String> set = fixture.invoke("Set-OutboundConnector",
                Map.of("Identity", CONNECTOR, "Enabled", false, "Comment", "paused", "Confirm", false));
        JsonNode connector = json(fixture.invoke("Get-OutboundConnector", Map.of("Identity", CONNECTOR))).get("value").get(0);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("value")).isEmpty();
        assertThat(connector.get("Enabled").asBoolean()).isFalse();
        assertThat(connector.get("Comment").asText()).isEqualTo("paused");
        assertThat(connector.get("SmartHosts").get(0).asText()).isEqualTo("smtp.trustifi.com");
        assertThat(OffsetDateTime.parse(connector.get("WhenChanged").asText()))
                .isAfter(OffsetDateTime.parse(connector.get("WhenCreated").asText()));
    }

    @Test
    void missingIdentityCouldNotBeFound() {
        Fixture fixture = newTenant();

        HttpResponse<String> set = fixture.invoke("Set-OutboundConnector", Map.of("Identity", "Nope", "Enabled", false));
        HttpResponse<String> get = fixture.invoke("Get-OutboundConnector", Map.of("Identity", "Nope"));
        HttpResponse<String> remove = fixture.invoke("Remove-OutboundConnector", Map.of("Identity", "Nope", "Confirm", false));

        for (HttpResponse<String> response : List.of(set, get, remove)) {
            ConformanceFixture.assertNotFound(response, "Nope");
        }
    }

    @Test
    void removeDeletesTheConnector() {
        Fixture fixture = newTenant();
        fixture.invoke("New-OutboundConnector", seedConnector());

        HttpResponse<String> remove = fixture.invoke("Remove-OutboundConnector", Map.of("Identity", CONNECTOR, "Confirm", false));

        assertThat(remove.statusCode()).isEqualTo(200);
        assertThat(json(remove).get("value")).isEmpty();
        assertThat(fixture.tenant().outboundConnectors()).isEmpty();
    }

    @Test
    void parameterBindingErrors() {
        Fixture fixture = newTenant();
        Map<String, Object> unknownParameter = seedConnector();
        unknownParameter.put("SmartHost", "smtp.trustifi.com");
        Map<String, Object> invalidEnum = seedConnector();
        invalidEnum.put("TlsSettings", "Strict");
        Map<String, Object> noSmartHosts = seedConnector();
        noSmartHosts.remove("SmartHosts");

        assertCmdletError(fixture.invoke("New-OutboundConnector", unknownParameter),
                "AmbiguousParameterSetException|Parameter set cannot be resolved using the specified named parameters. "
                        + "Invalid cmdlet parameters specified. SmartHost");
        assertCmdletError(fixture.invoke("New-OutboundConnector", invalidEnum),
                "Cannot process argument transformation on parameter 'TlsSettings'. Cannot convert value \"Strict\"");
        assertCmdletError(fixture.invoke("New-OutboundConnector", noSmartHosts),
                "SmartHosts must be specified when UseMXRecord is set to false");
        assertCmdletError(fixture.invoke("Get-Mailbox", Map.of()),
                "The term 'Get-Mailbox' is not recognized as a name of a cmdlet");
        assertThat(fixture.tenant().outboundConnectors()).isEmpty();
    }

    @Test
    void singleStringIsAcceptedForMultiValuedParametersAndEnumsIgnoreCase() {
        Fixture fixture = newTenant();
        Map<String, Object> parameters = seedConnector();
        parameters.put("SmartHosts", "smtp.trustifi.com");
        parameters.put("connectortype", "onpremises");

        JsonNode connector = json(fixture.invoke("New-OutboundConnector", parameters)).get("value").get(0);

        assertThat(connector.get("SmartHosts")).hasSize(1);
        assertThat(connector.get("ConnectorType").asText()).isEqualTo("OnPremises");
    }

    @Test
    void tokenOfAnotherTenantOrAudienceIsRefused() {
        Fixture tenantA = newTenant();
        Fixture tenantB = newTenant();
        String graphToken = client.token(tenantA.tenant().tenantId(), "https://graph.microsoft.com");

        HttpResponse<String> crossTenant = client.invoke(tenantB.tenant().tenantId(), tenantA.token(), "Get-OutboundConnector", Map.of());
        HttpResponse<String> wrongAudience = client.invoke(tenantA.tenant().tenantId(), graphToken, "Get-OutboundConnector", Map.of());
        HttpResponse<String> byDomain = client.invoke(tenantA.tenant().initialDomain(), tenantA.token(), "Get-OutboundConnector", Map.of());

        assertThat(crossTenant.statusCode()).isEqualTo(401);
        assertThat(json(crossTenant).get("error").get("code").asText()).isEqualTo("Unauthorized");
        assertThat(wrongAudience.statusCode()).isEqualTo(401);
        assertThat(byDomain.statusCode()).isEqualTo(200);
        assertThat(tenantB.tenant().cmdletCounts()).isEmpty();
    }

    @Test
    void countersAndAdminStateReflectCallsAndWrites() {
        Fixture fixture = newTenant();
        fixture.invoke("Get-OutboundConnector", Map.of());
        fixture.invoke("New-OutboundConnector", seedConnector());
        fixture.invoke("New-OutboundConnector", seedConnector());
        fixture.invoke("Get-OutboundConnector", Map.of());
        fixture.invoke("Set-OutboundConnector", Map.of("Identity", CONNECTOR, "Comment", "x"));

        assertThat(fixture.tenant().cmdletCounts()).containsExactly(
                Map.entry("Get-OutboundConnector", new CmdletCount(2, 0, 0)),
                Map.entry("New-OutboundConnector", new CmdletCount(2, 2, 0)),
                Map.entry("Set-OutboundConnector", new CmdletCount(1, 1, 0)));

        HttpResponse<String> state = client.get("/admin/tenants/" + fixture.tenant().domains().get(1).name(), null);
        assertThat(state.statusCode()).isEqualTo(200);
        JsonNode body = json(state);
        assertThat(body.get("tenantId").asText()).isEqualTo(fixture.tenant().tenantId());
        assertThat(body.get("outboundConnectors")).hasSize(1);
        assertThat(body.get("outboundConnectors").get(0).get("Comment").asText()).isEqualTo("x");
        assertThat(body.get("counters").get("Get-OutboundConnector").get("calls").asLong()).isEqualTo(2);
        assertThat(body.get("counters").get("New-OutboundConnector").get("writes").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentWritesToOneTenantAreAllKept() throws Exception {
        Fixture fixture = newTenant();
        // Above Exchange's own limit of three, which FaultConformanceTest covers.
        simulator.setTenantFaults(fixture.tenant().tenantId(), FaultProfile.NONE.withMaxConcurrentPerTenant(8));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Map<String, Object> parameters = seedConnector();
                parameters.put("Name", "Connector " + i);
                calls.add(callers.submit(() -> fixture.invoke("New-OutboundConnector", parameters)));
            }
            for (Future<HttpResponse<String>> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(fixture.tenant().outboundConnectors()).hasSize(24);
        assertThat(fixture.tenant().cmdletCounts().get("New-OutboundConnector")).isEqualTo(new CmdletCount(24, 24, 0));
    }
}
