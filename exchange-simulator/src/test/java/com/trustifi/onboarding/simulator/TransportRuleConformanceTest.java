package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * exchange-reference.md section 6: "rule routes to a connector" and "connector still used by a rule" (types from [S7],
 * texts not recovered: the simulator's own, asserted by their subject), and the documented parameter sets of
 * New-/Set-TransportRule that tenants' existing rules use.
 */
class TransportRuleConformanceTest extends RunningSimulator {

    private static final String CONNECTOR = "Trustifi Outbound Connector (Send)";
    private static final String RULE = "Trustifi Outbound Relay";
    private static final String STILL_REFERENCED =
            "Microsoft.Exchange.Management.SystemConfigurationTasks.ConnectorIncorrectUsageConnectorStillReferencedException";

    private static ConformanceFixture tenantWithConnector() {
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Αθήνα Shipping"));
        fixture.value("New-OutboundConnector", params("Name", CONNECTOR, "ConnectorType", "OnPremises", "IsTransportRuleScoped", true,
                "UseMXRecord", false, "SmartHosts", List.of("smtp.trustifi.com"), "TlsSettings", "DomainValidation",
                "TlsDomain", "*.trustifi.com"));
        return fixture;
    }

    private static ConformanceFixture tenantWithRoutingRule() {
        ConformanceFixture fixture = tenantWithConnector();
        fixture.value("New-TransportRule", params("Name", RULE, "FromScope", "InOrganization", "RouteMessageOutboundConnector", CONNECTOR));
        return fixture;
    }

    @Test
    void ruleRoutesToAConnector_missingConnectorIsAnArgumentException() {
        assertCmdletError(tenantWithConnector().invoke("New-TransportRule", params("Name", "r", "RouteMessageOutboundConnector", "Missing")),
                400, "System.ArgumentException", "The outbound connector Missing specified for RouteMessageOutboundConnector couldn't be found.");
    }

    @Test
    void ruleRoutesToAConnector_disabledConnectorIsAnArgumentException() {
        ConformanceFixture fixture = tenantWithConnector();
        fixture.value("Set-OutboundConnector", params("Identity", CONNECTOR, "Enabled", false));

        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "RouteMessageOutboundConnector", CONNECTOR)),
                400, "System.ArgumentException", "The outbound connector " + CONNECTOR + " specified for RouteMessageOutboundConnector is disabled");
    }

    @Test
    void ruleRoutesToAConnector_connectorNotTransportRuleScopedIsAnArgumentException() {
        ConformanceFixture fixture = tenantWithConnector();
        fixture.value("New-OutboundConnector", params("Name", "By domain", "RecipientDomains", List.of("partner.example")));

        assertCmdletError(fixture.invoke("Set-TransportRule", params("Identity", fixture.value("New-TransportRule", params("Name", "r"))
                .get(0).get("Name").asText(), "RouteMessageOutboundConnector", "By domain")), 400, "System.ArgumentException",
                "The outbound connector By domain specified for RouteMessageOutboundConnector isn't scoped to transport rules");
    }

    @Test
    void connectorStillUsedByARule_removeDisableUnscopeAndRenameFail() {
        ConformanceFixture fixture = tenantWithRoutingRule();
        String subject = "The connector " + CONNECTOR + " is still referenced by the transport rule " + RULE;

        assertCmdletError(fixture.invoke("Remove-OutboundConnector", params("Identity", CONNECTOR, "Confirm", false)), 400, STILL_REFERENCED, subject);
        assertCmdletError(fixture.invoke("Set-OutboundConnector", params("Identity", CONNECTOR, "Enabled", false)), 400, STILL_REFERENCED, subject);
        assertCmdletError(fixture.invoke("Set-OutboundConnector", params("Identity", CONNECTOR, "IsTransportRuleScoped", false,
                "ConnectorType", "Partner", "UseMXRecord", true, "SmartHosts", null, "TlsSettings", null, "TlsDomain", null,
                "RecipientDomains", List.of("x.example"))), 400, STILL_REFERENCED, subject);
        assertCmdletError(fixture.invoke("Set-OutboundConnector", params("Identity", CONNECTOR, "Name", "Renamed")), 400, STILL_REFERENCED, subject);
        assertThat(fixture.value("Set-OutboundConnector", params("Identity", CONNECTOR, "Comment", "still fine"))).isEmpty();

        // remove the rule first, as the reference says, and the connector goes
        fixture.value("Remove-TransportRule", params("Identity", RULE, "Confirm", false));
        assertThat(fixture.value("Remove-OutboundConnector", params("Identity", CONNECTOR, "Confirm", false))).isEmpty();
    }

    @Test
    void documentedParameterSets_existingRulesOfATenantAreCreatedAndReadBack() {
        ConformanceFixture fixture = tenantWithConnector();

        JsonNode external = fixture.value("New-TransportRule", params("Name", "Tag external mail", "FromScope", "NotInOrganization",
                "SentToScope", "InOrganization", "PrependSubject", "[EXTERNAL] ", "ExceptIfSenderDomainIs", List.of("partner.example"),
                "SetSCL", 5)).get(0);
        JsonNode disclaimer = fixture.value("New-TransportRule", params("Name", "Disclaimer", "FromScope", "InOrganization",
                "SentToScope", "NotInOrganization", "ApplyHtmlDisclaimerText", "<p>Vertraulich</p>", "ApplyHtmlDisclaimerLocation", "append",
                "ApplyHtmlDisclaimerFallbackAction", "Wrap", "ExceptIfRecipientDomainIs", List.of("contoso.example"),
                "AddToRecipients", List.of("compliance@contoso.example"))).get(0);
        fixture.value("Set-TransportRule", params("Identity", "Tag external mail", "SetSCL", null, "SubjectContainsWords", List.of("Angebot")));
        JsonNode changed = fixture.value("Get-TransportRule", params("Identity", "Tag external mail")).get(0);

        assertThat(external.get("SentToScope").asText()).isEqualTo("InOrganization");
        assertThat(external.get("PrependSubject").asText()).isEqualTo("[EXTERNAL] ");
        assertThat(external.get("SetSCL").asInt()).isEqualTo(5);
        assertThat(external.get("ExceptIfSenderDomainIs").get(0).asText()).isEqualTo("partner.example");
        assertThat(disclaimer.get("ApplyHtmlDisclaimerLocation").asText()).isEqualTo("Append");
        assertThat(disclaimer.get("ApplyHtmlDisclaimerText").asText()).isEqualTo("<p>Vertraulich</p>");
        assertThat(disclaimer.get("AddToRecipients").get(0).asText()).isEqualTo("compliance@contoso.example");
        assertThat(disclaimer.get("ExceptIfRecipientDomainIs").get(0).asText()).isEqualTo("contoso.example");
        assertThat(changed.get("SetSCL").isNull()).isTrue();
        assertThat(changed.get("SubjectContainsWords").get(0).asText()).isEqualTo("Angebot");
        assertThat(changed.get("PrependSubject").asText()).as("Set- keeps what it was not given").isEqualTo("[EXTERNAL] ");
    }

    @Test
    void documentedParameterSets_wrongValueTypesAreRefusedAsExchangeRefusesThem() {
        ConformanceFixture fixture = tenantWithConnector();

        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SentToScope", "Everywhere")), 400,
                "Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException",
                "Cannot process argument transformation on parameter 'SentToScope'. Cannot convert value \"Everywhere\"");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SetSCL", "high")), 400,
                "Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException",
                "Cannot process argument transformation on parameter 'SetSCL'");
        assertThat(fixture.tenant().transportRules()).isEmpty();
    }

    @Test
    void theWorkersRuleStillConvergesNextToForeignRules() {
        ConformanceFixture fixture = tenantWithRoutingRule();
        fixture.value("New-TransportRule", params("Name", "Trust partner", "SenderDomainIs", List.of("partner.example"), "SetSCL", -1,
                "Priority", 0));

        Map<String, Object> update = params("Identity", RULE, "ExceptIfSenderIpRanges", List.of("3.93.243.176"), "Priority", 0);
        assertThat(fixture.value("Set-TransportRule", update)).isEmpty();
        assertThat(fixture.tenant().transportRules().get(1).name()).isEqualTo("Trust partner");
        assertThat(fixture.tenant().transportRules().get(1).other()).containsEntry("SetSCL", -1);
    }
}
