package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.exchange.ErrorShape;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.ConformanceFixture.assertNotFound;
import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** exchange-reference.md section 6: the error envelope paragraph and the error rows of its table. */
class ErrorEnvelopeConformanceTest extends RunningSimulator {

    private static final String NOT_FOUND = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
    private static final String OUTBOUND = "Trustifi Outbound Connector (Send)";

    private static ConformanceFixture newTenant() {
        return ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Société Générale d'Essai"));
    }

    private static Map<String, Object> ruleScopedConnector() {
        return params("Name", OUTBOUND, "ConnectorType", "OnPremises", "IsTransportRuleScoped", true, "UseMXRecord", false,
                "SmartHosts", List.of("smtp.trustifi.com"), "TlsSettings", "DomainValidation", "TlsDomain", "*.trustifi.com");
    }

    @Test
    void envelope2026_invalidOperation_detailsCodeClient_typeWithoutExCode_internalException() {
        ConformanceFixture fixture = newTenant();

        HttpResponse<String> response = fixture.invoke("Get-TransportRule", params("Identity", "Nope"));

        JsonNode error = json(response).get("error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error.get("code").asText()).isEqualTo("NotFound");
        assertThat(error.get("message").asText()).isEqualTo("Invalid Operation");
        assertThat(error.get("details").get(0).get("code").asText()).isEqualTo("Client");
        assertThat(error.get("details").get(0).get("message").asText()).startsWith("|" + NOT_FOUND + "|The operation couldn't be performed");
        JsonNode internal = error.get("innererror").get("internalexception");
        assertThat(internal.get("type").asText()).isEqualTo(NOT_FOUND);
        assertThat(internal.get("message").asText()).startsWith("The operation couldn't be performed because object 'Nope'");
        assertThat(error.get("innererror").get("type").asText()).isEqualTo("Microsoft.Exchange.Admin.OData.Core.ODataServiceException");
    }

    @Test
    void envelope2026_detailsSometimesAbsent() {
        ConformanceFixture fixture = newTenant();

        JsonNode error = json(fixture.invoke("New-TransportRule", params("Name", "r", "Mode", "Sometimes"))).get("error");

        assertThat(error.has("details")).isFalse();
        assertThat(error.get("innererror").get("internalexception").get("type").asText())
                .isEqualTo("Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException");
    }

    @Test
    void envelope2023_errorExecutingCmdlet_detailsCodeContext_exCodeTypeText() {
        ConformanceFixture fixture = newTenant();
        fixture.tenant().errorShape(ErrorShape.LEGACY_2023);

        HttpResponse<String> response = fixture.invoke("Get-TransportRule", params("Identity", "Nope"));

        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("NotFound");
        assertThat(error.get("message").asText()).isEqualTo("Error executing cmdlet");
        assertThat(error.get("details").get(0).get("code").asText()).isEqualTo("Context");
        assertThat(error.get("details").get(0).get("message").asText()).startsWith("Ex6F9304|" + NOT_FOUND + "|The operation couldn't");
        assertThat(error.get("innererror").get("message").asText()).isEqualTo("Error executing cmdlet");
        assertThat(error.get("innererror").get("type").asText()).isEqualTo("Microsoft.Exchange.Admin.OData.Core.ODataServiceException");
        assertThat(error.get("innererror").has("internalexception")).isFalse();
    }

    @Test
    void objectNotFound_managementObjectNotFoundException_onTheDomainController() {
        ConformanceFixture fixture = newTenant();

        HttpResponse<String> response = fixture.invoke("Set-OutboundConnector", params("Identity", "Nope", "Comment", "x"));

        assertNotFound(response, "Nope");
        assertThat(ConformanceFixture.typeAndText(response))
                .endsWith("couldn't be found on '" + fixture.tenant().domainController() + "'.")
                .contains(".PROD.OUTLOOK.COM");
    }

    @Test
    void dehydratedTenant_invalidOperationInDehydratedContextException() {
        TenantSpec base = TestTenants.withCustomDomain("Ærø Fiskeri ApS");
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, client, new TenantSpec(base.tenantId(), base.initialDomain(),
                base.displayName(), base.createdDateTime(), base.domains(), true, List.of()));

        assertCmdletError(fixture.invoke("New-OutboundConnector", ruleScopedConnector()), 400,
                "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException",
                "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to "
                        + "run the command: Enable-OrganizationCustomization.");
    }

    @Test
    void alreadyCustomized_invalidOperationException() {
        ConformanceFixture fixture = newTenant();

        assertCmdletError(fixture.invoke("Enable-OrganizationCustomization", Map.of()), 400, "System.InvalidOperationException",
                "This operation is not required. Organization is already enabled for customization.");
    }

    @Test
    void duplicateOutboundConnector_errorOutboundConnectorAlreadyExistsException_textNotRecovered() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", ruleScopedConnector());

        // the type is from [S7]; the text is the simulator's own (not recovered), so only its subject is asserted
        assertCmdletError(fixture.invoke("New-OutboundConnector", ruleScopedConnector()), 400,
                "Microsoft.Exchange.Management.Tasks.ErrorOutboundConnectorAlreadyExistsException", "An outbound connector with the name ");
    }

    @Test
    void duplicateRuleName_argumentExceptionOnName_textNotRecovered() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-TransportRule", params("Name", "Tag external mail"));

        // ArgumentException on parameter Name [S7]; the text is the simulator's own (not recovered)
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "TAG EXTERNAL MAIL")), 400, "System.ArgumentException",
                "A transport rule with the name 'TAG EXTERNAL MAIL' already exists.");
    }

    @Test
    void unknownParameter_ambiguousParameterSetException() {
        ConformanceFixture fixture = newTenant();

        assertCmdletError(fixture.invoke("Get-TransportRule", params("BogusParameter", 1)), 400,
                "Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException",
                "Parameter set cannot be resolved using the specified named parameters. Invalid cmdlet parameters specified. BogusParameter");
    }

    @Test
    void badEnumValue_parameterTransformationException_inInnererror() {
        ConformanceFixture fixture = newTenant();

        HttpResponse<String> response = fixture.invoke("New-OutboundConnector", params("Name", "x", "TlsSettings", "Strict"));

        assertCmdletError(response, 400, "Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException",
                "Cannot process argument transformation on parameter 'TlsSettings'. Cannot convert value \"Strict\"");
        assertThat(ConformanceFixture.typeAndText(response)).contains("Unable to match the identifier name Strict to a valid enumerator name. "
                + "Specify one of the following enumerator names and try again: EncryptionOnly, CertificateValidation, DomainValidation");
    }

    @Test
    void missingExchangeRole_403WithABodyOfNulBytes() {
        ConformanceFixture fixture = newTenant();
        fixture.tenant().exchangeRoleAssigned(false);

        HttpResponse<String> response = fixture.invoke("Get-OrganizationConfig", Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isNotEmpty().matches("\\x00+");
    }
}
