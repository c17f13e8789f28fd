package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both services as real processes, real Kafka and PostgreSQL, the simulator over HTTPS: a
 * partner's request travels through the outbox, Kafka and the worker to Exchange and back.
 */
class OnboardingEndToEndTest {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("e2e-local-stack"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onboardingConfiguresExactlyOneOutboundConnectorWithTheSeedSettings() {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Müller & Söhne GmbH", "mueller.example"));

        String location = submit(tenant.tenantId(), "mueller.example");
        awaitTerminal(location);
        given().when().get(location).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("steps", hasSize(2))
                .body("steps[0].step", equalTo("check-tenant"))
                .body("steps[0].outcome", equalTo("PASSED"))
                .body("steps[1].step", equalTo("ensure-outbound-connector"))
                .body("steps[1].outcome", equalTo("CREATED"));
        assertSeedConnector(tenant.tenantId());

        String again = submit(tenant.tenantId(), "mueller.example");
        awaitTerminal(again);
        given().when().get(again).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("steps[1].outcome", equalTo("UNCHANGED"));
        assertSeedConnector(tenant.tenantId());
        assertThat(stack.simulator().tenant(tenant.tenantId()).orElseThrow().cmdletCounts().get("New-OutboundConnector").writes())
                .isEqualTo(1);
    }

    @Test
    void unverifiedRelayDomainFailsWithAReasonAndChangesNothingInExchange() {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Fabrikam, Inc.", "fabrikam.example"));

        String location = submit(tenant.tenantId(), "not-theirs.example");
        awaitTerminal(location);
        given().when().get(location).then()
                .body("status", equalTo("FAILED"))
                .body("steps[0].outcome", equalTo("FAILED"))
                .body("detail", equalTo("not-theirs.example is not a domain of this tenant"));
        assertThat(stack.simulator().tenant(tenant.tenantId()).orElseThrow().outboundConnectors()).isEmpty();
    }

    private static void assertSeedConnector(String tenantId) {
        List<OutboundConnector> connectors = stack.simulator().tenant(tenantId).orElseThrow().outboundConnectors();
        assertThat(connectors).hasSize(1);
        OutboundConnector connector = connectors.get(0);
        assertThat(connector.name()).isEqualTo("Trustifi Outbound Connector (Send)");
        assertThat(connector.connectorType()).hasToString("OnPremises");
        assertThat(connector.smartHosts()).containsExactly("smtp.trustifi.com");
        assertThat(connector.tlsSettings()).hasToString("DomainValidation");
        assertThat(connector.tlsDomain()).isEqualTo("*.trustifi.com");
        assertThat(connector.isTransportRuleScoped()).isTrue();
        assertThat(connector.useMxRecord()).isFalse();
        assertThat(connector.enabled()).isTrue();
    }

    private static String submit(String tenantId, String relayDomain) {
        return given().baseUri(stack.apiBaseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "relayDomains", List.of(relayDomain)))
                .when().post("/v1/onboardings")
                .then().statusCode(202)
                .extract().header("Location");
    }

    private static void awaitTerminal(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String status = given().when().get(location).then().statusCode(200).extract().path("status");
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
    }

    private static TenantSpec tenant(String displayName, String customDomain) {
        String id = UUID.randomUUID().toString();
        return new TenantSpec(id, "t" + id.substring(0, 8) + ".onmicrosoft.com", displayName,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(customDomain, true)));
    }
}
