package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class EntraTokenEndpointTest extends RunningSimulator {

    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    static SimulatedTenant tenant;

    @BeforeAll
    static void createTenants() {
        tenant = simulator.createTenant(TestTenants.withCustomDomain("Contoso"));
    }

    @Test
    void writesTrustMaterialIntoTheStateDirectory() throws Exception {
        assertThat(simulator.baseUri().toString()).matches("https://127\\.0\\.0\\.1:\\d+");
        assertThat(simulator.trustStore()).isRegularFile().startsWith(stateDirectory);
        assertThat(Files.readString(stateDirectory.resolve("exchange-simulator-certificate.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void issuesBearerTokenForTenantGuidAndForItsDomains() {
        for (String name : new String[]{tenant.tenantId(), tenant.initialDomain(), tenant.domains().get(1).name()}) {
            HttpResponse<String> response = client.requestToken(name, SimulatorOptions.DEFAULT_CLIENT_ID,
                    SimulatorOptions.DEFAULT_CLIENT_SECRET, GRAPH_SCOPE);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
            assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
            assertThat(body.get("access_token").asText()).isNotBlank();
        }
    }

    @Test
    void unknownTenantIsAadsts90002() {
        HttpResponse<String> response = client.requestToken("nobody.onmicrosoft.com", SimulatorOptions.DEFAULT_CLIENT_ID,
                SimulatorOptions.DEFAULT_CLIENT_SECRET, GRAPH_SCOPE);

        assertEntraError(response, 400, "invalid_request", 90002);
        assertThat(json(response).get("error_description").asText()).contains("Tenant 'nobody.onmicrosoft.com' not found");
    }

    @Test
    void unknownClientIdIsAadsts700016() {
        HttpResponse<String> response = client.requestToken(tenant.tenantId(), "11111111-1111-1111-1111-111111111111",
                SimulatorOptions.DEFAULT_CLIENT_SECRET, GRAPH_SCOPE);

        assertEntraError(response, 400, "unauthorized_client", 700016);
    }

    @Test
    void wrongSecretIsAadsts7000215() {
        HttpResponse<String> response = client.requestToken(tenant.tenantId(), SimulatorOptions.DEFAULT_CLIENT_ID,
                "not-the-secret", GRAPH_SCOPE);

        assertEntraError(response, 401, "invalid_client", 7000215);
    }

    @Test
    void scopeWithoutDefaultSuffixIsRefused() {
        HttpResponse<String> response = client.requestToken(tenant.tenantId(), SimulatorOptions.DEFAULT_CLIENT_ID,
                SimulatorOptions.DEFAULT_CLIENT_SECRET, "https://graph.microsoft.com/Domain.Read.All");

        assertEntraError(response, 400, "invalid_scope", 1002012);
    }

    @Test
    void servesOpenIdConfigurationAndInstanceDiscoveryPointingBackAtItself() {
        HttpResponse<String> configuration = client.get("/" + tenant.tenantId() + "/v2.0/.well-known/openid-configuration", null);
        HttpResponse<String> discovery = client.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + simulator.baseUri() + "/" + tenant.tenantId() + "/oauth2/v2.0/authorize", null);

        assertThat(configuration.statusCode()).isEqualTo(200);
        assertThat(json(configuration).get("token_endpoint").asText())
                .isEqualTo(simulator.baseUri() + "/" + tenant.tenantId() + "/oauth2/v2.0/token");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = json(discovery);
        assertThat(document.get("tenant_discovery_endpoint").asText())
                .isEqualTo(simulator.baseUri() + "/" + tenant.tenantId() + "/v2.0/.well-known/openid-configuration");
        assertThat(document.get("metadata").get(0).get("aliases").get(0).asText()).isEqualTo(simulator.baseUri().getAuthority());
    }

    private static void assertEntraError(HttpResponse<String> response, int status, String error, int aadsts) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).startsWith("AADSTS" + aadsts + ":");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(aadsts);
        assertThat(body.get("trace_id").asText()).hasSize(36);
        assertThat(body.get("correlation_id").asText()).hasSize(36);
        assertThat(body.get("timestamp").asText()).isNotBlank();
    }
}
