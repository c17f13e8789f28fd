package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class AdminEndpointTest extends RunningSimulator {

    @Test
    void postCreatesTenantThatIsListedAndUsable() {
        Map<String, Object> spec = Map.of(
                "tenantId", "5f0c3c7e-3f4a-4a8e-9d55-1b2c3d4e5f60",
                "initialDomain", "mueller.onmicrosoft.com",
                "displayName", "Müller & Söhne GmbH",
                "createdDateTime", "2020-06-01T08:00:00Z",
                "domains", List.of(Map.of("name", "mueller.example", "verified", true, "isDefault", true,
                        "supportedServices", List.of("Email"), "acceptedDomainType", "Authoritative")));

        HttpResponse<String> created = client.postJson("/admin/tenants", spec);
        HttpResponse<String> listed = client.get("/admin/tenants", null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode state = json(created);
        assertThat(state.get("displayName").asText()).isEqualTo("Müller & Söhne GmbH");
        assertThat(state.get("createdDateTime").asText()).isEqualTo("2020-06-01T08:00:00Z");
        assertThat(state.get("domains")).hasSize(2);
        assertThat(state.get("domains").get(1).get("isDefault").asBoolean()).isTrue();
        assertThat(state.get("outboundConnectors")).isEmpty();
        assertThat(json(listed).toString()).contains("5f0c3c7e-3f4a-4a8e-9d55-1b2c3d4e5f60");
        assertThat(simulator.tenant("MUELLER.example")).hasValueSatisfying(t -> assertThat(t.tenantId()).isEqualTo("5f0c3c7e-3f4a-4a8e-9d55-1b2c3d4e5f60"));
        client.token("mueller.example", "https://graph.microsoft.com");
    }

    @Test
    void domainOfAnotherTenantIsAConflict() {
        SimulatedTenant existing = simulator.createTenant(TestTenants.withCustomDomain("First"));
        Map<String, Object> spec = Map.of("tenantId", "0d6e7f80-1111-4222-8333-444455556666",
                "initialDomain", existing.initialDomain());

        HttpResponse<String> response = client.postJson("/admin/tenants", spec);

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void invalidSpecIsBadRequest() {
        HttpResponse<String> response = client.postJson("/admin/tenants", Map.of("tenantId", "not-a-guid", "initialDomain", "x.onmicrosoft.com"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("GUID");
    }

    @Test
    void unknownTenantIs404() {
        HttpResponse<String> response = client.get("/admin/tenants/nobody.example", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("nobody.example");
    }

    @Test
    void anAdministratorsChangeAltersTheTenantWithoutCountingAsTraffic() {
        SimulatedTenant tenant = simulator.createTenant(TestTenants.withCustomDomain("Drifting"));
        simulator.invokeAsAdmin(tenant.tenantId(), "New-TransportRule", Map.of("Name", "Relay rule", "SetAuditSeverity", "High"));

        HttpResponse<String> changed = client.postJson("/admin/tenants/" + tenant.tenantId() + "/administrator-changes",
                Map.of("cmdlet", "Set-TransportRule", "parameters", Map.of("Identity", "Relay rule", "SetAuditSeverity", "Low")));
        HttpResponse<String> refused = client.postJson("/admin/tenants/" + tenant.tenantId() + "/administrator-changes",
                Map.of("cmdlet", "Remove-TransportRule", "parameters", Map.of("Identity", "No such rule")));
        HttpResponse<String> malformed = client.postJson("/admin/tenants/" + tenant.tenantId() + "/administrator-changes",
                Map.of("cmdlet", "Set-TransportRule"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(tenant.transportRules().get(0).toExchangeObject(0)).containsEntry("SetAuditSeverity", "Low");
        assertThat(tenant.cmdletCounts()).as("not the relay's traffic").isEmpty();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).contains("No such rule");
        assertThat(malformed.statusCode()).isEqualTo(400);
    }
}
