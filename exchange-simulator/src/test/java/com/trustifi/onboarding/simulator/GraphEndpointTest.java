package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class GraphEndpointTest extends RunningSimulator {

    private static final String GRAPH = "https://graph.microsoft.com";

    static SimulatedTenant tenant;
    static String graphToken;

    @BeforeAll
    static void createTenants() {
        tenant = simulator.createTenant(TestTenants.withCustomDomain("Müller & Söhne GmbH"));
        simulator.createTenant(TestTenants.withCustomDomain("Someone else"));
        graphToken = client.token(tenant.tenantId(), GRAPH);
    }

    @Test
    void organizationDescribesTheTokensTenant() {
        HttpResponse<String> response = client.get("/v1.0/organization", graphToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("@odata.context").asText()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata#organization");
        JsonNode organization = body.get("value").get(0);
        assertThat(body.get("value")).hasSize(1);
        assertThat(organization.get("id").asText()).isEqualTo(tenant.tenantId());
        assertThat(organization.get("displayName").asText()).isEqualTo("Müller & Söhne GmbH");
        assertThat(organization.get("createdDateTime").asText()).isEqualTo("2021-03-04T10:00:00Z");
        JsonNode verifiedDomains = organization.get("verifiedDomains");
        assertThat(verifiedDomains).hasSize(2);
        assertThat(verifiedDomains.get(0).get("name").asText()).isEqualTo(tenant.initialDomain());
        assertThat(verifiedDomains.get(0).get("isInitial").asBoolean()).isTrue();
        assertThat(verifiedDomains.get(0).get("capabilities").asText()).isEqualTo("Email, OfficeCommunicationsOnline");
        assertThat(verifiedDomains.get(1).get("isDefault").asBoolean()).isTrue();
        assertThat(verifiedDomains.get(1).get("type").asText()).isEqualTo("Managed");
    }

    @Test
    void domainsIncludeTheInitialDomain() {
        JsonNode domains = json(client.get("/v1.0/domains", graphToken)).get("value");

        List<String> ids = new ArrayList<>();
        domains.forEach(d -> ids.add(d.get("id").asText()));
        assertThat(ids).containsExactly(tenant.initialDomain(), tenant.domains().get(1).name());
        assertThat(domains.get(0).get("isInitial").asBoolean()).isTrue();
        assertThat(domains.get(0).get("isDefault").asBoolean()).isFalse();
        JsonNode custom = domains.get(1);
        assertThat(custom.get("isDefault").asBoolean()).isTrue();
        assertThat(custom.get("isVerified").asBoolean()).isTrue();
        assertThat(custom.get("isRoot").asBoolean()).isTrue();
        assertThat(custom.get("authenticationType").asText()).isEqualTo("Managed");
        assertThat(custom.get("supportedServices").get(0).asText()).isEqualTo("Email");
    }

    @Test
    void serviceConfigurationRecordsAreTheMxAndSpfMicrosoftExpects() {
        String custom = tenant.domains().get(1).name();

        JsonNode records = json(client.get("/v1.0/domains/" + custom + "/serviceConfigurationRecords", graphToken)).get("value");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("recordType").asText()).isEqualTo("Mx");
        assertThat(records.get(0).get("mailExchange").asText()).endsWith(".mail.protection.outlook.com");
        assertThat(records.get(1).get("recordType").asText()).isEqualTo("Txt");
        assertThat(records.get(1).get("text").asText()).isEqualTo("v=spf1 include:spf.protection.outlook.com -all");
        assertThat(client.get("/v1.0/domains/unknown.example/serviceConfigurationRecords", graphToken).statusCode()).isEqualTo(404);
    }

    @Test
    void selectReturnsOnlyTheNamedPropertiesAndId() {
        // The Graph SDK percent-encodes the dollar sign and the comma.
        JsonNode domain = json(client.get("/v1.0/domains?%24select=isVerified%2CsupportedServices", graphToken)).get("value").get(0);

        List<String> names = new ArrayList<>();
        domain.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "isVerified", "supportedServices");
    }

    @Test
    void withoutTokenAnswers401InvalidAuthenticationTokenEchoingClientRequestId() {
        HttpResponse<String> anonymous = client.get("/v1.0/organization", null);
        HttpResponse<String> forged = client.get("/v1.0/organization", graphToken + "x", "8d1c0d1e-0000-4000-8000-000000000001");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(forged.statusCode()).isEqualTo(401);
        JsonNode innerError = json(forged).get("error").get("innerError");
        assertThat(innerError.get("client-request-id").asText()).isEqualTo("8d1c0d1e-0000-4000-8000-000000000001");
        assertThat(innerError.get("request-id").asText()).hasSize(36);
        assertThat(innerError.get("date").asText()).endsWith("Z");
    }

    @Test
    void exchangeTokenIsRefusedByGraph() {
        String exchangeToken = client.token(tenant.tenantId(), "https://outlook.office365.com");

        HttpResponse<String> response = client.get("/v1.0/domains", exchangeToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("message").asText()).contains("Invalid audience");
    }

    @Test
    void unknownResourceIsRequestResourceNotFound() {
        HttpResponse<String> response = client.get("/v1.0/users", graphToken);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("Request_ResourceNotFound");
    }
}
