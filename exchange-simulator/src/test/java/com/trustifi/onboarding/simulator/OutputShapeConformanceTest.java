package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static org.assertj.core.api.Assertions.assertThat;

/** exchange-reference.md section 6: the output rows (inbound connector output, Get-OutboundConnector, Get-TransportRule) [S3][S4]. */
class OutputShapeConformanceTest extends RunningSimulator {

    private static ConformanceFixture newTenant() {
        return ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Ōsaka Trading 株式会社"));
    }

    @Test
    void inboundConnectorOutput_onPremisesWithRequireTlsAndTlsSenderCertificateName_senderDomainsAsSmtpAddressSpace() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-InboundConnector", params("Name", "Inbound from on-premises", "ConnectorType", "OnPremises",
                "SenderDomains", List.of("*"), "RequireTls", true, "TlsSenderCertificateName", "mail.contoso.example",
                "CloudServicesMailEnabled", true, "ConnectorSource", "HybridWizard"));

        JsonNode connector = fixture.value("Get-InboundConnector", Map.of()).get(0);

        assertThat(connector.get("ConnectorType").asText()).isEqualTo("OnPremises");
        assertThat(connector.get("RequireTls").asBoolean()).isTrue();
        assertThat(connector.get("TlsSenderCertificateName").asText()).isEqualTo("mail.contoso.example");
        assertThat(connector.get("SenderDomains")).hasSize(1);
        assertThat(connector.get("SenderDomains").get(0).asText()).isEqualTo("smtp:*;1");
        assertThat(connector.get("ConnectorSource").asText()).isEqualTo("HybridWizard");
        // a read-back value can be written again as it is
        assertThat(fixture.value("Set-InboundConnector", params("Identity", "Inbound from on-premises", "SenderDomains", List.of("smtp:*;1"))))
                .isEmpty();
        assertThat(fixture.tenant().inboundConnectors().get(0).senderDomains()).containsExactly("*");
    }

    @Test
    void getOutboundConnector_smartHostsAsStrings_emptyRecipientDomains_nullTlsDomain_andTheExtraProperties() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", params("Name", "Signature service", "ConnectorType", "OnPremises",
                "IsTransportRuleScoped", true, "UseMXRecord", false, "SmartHosts", List.of("smtp.signatures.example", "52.73.143.252"),
                "TlsSettings", "EncryptionOnly"));

        JsonNode connector = fixture.value("Get-OutboundConnector", Map.of()).get(0);

        assertThat(connector.get("SmartHosts").get(0).isTextual()).isTrue();
        assertThat(connector.get("SmartHosts").get(1).asText()).isEqualTo("52.73.143.252");
        assertThat(connector.get("RecipientDomains").isArray()).isTrue();
        assertThat(connector.get("RecipientDomains")).isEmpty();
        assertThat(connector.get("TlsDomain").isNull()).isTrue();
        assertThat(connector.get("ConnectorSource").asText()).isEqualTo("Default");
        assertThat(connector.get("AllAcceptedDomains").asBoolean()).isFalse();
        assertThat(connector.get("SenderRewritingEnabled").asBoolean()).isFalse();
        assertThat(connector.get("TestMode").asBoolean()).isFalse();
        assertThat(connector.get("ValidationRecipients")).isEmpty();
        assertThat(connector.get("IsValidated").asBoolean()).isFalse();
        assertThat(connector.get("WhenChangedUTC").asText()).endsWith("Z");
        assertThat(OffsetDateTime.parse(connector.get("WhenChangedUTC").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(connector.get("WhenChanged").asText()).toInstant());
    }

    @Test
    void getTransportRule_priorityWithItsTypeAnnotation_stateAndMode_emptyMultiValuedAsNull_conditionsAndActionsAsClassNames() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-TransportRule", params("Name", "Staged", "Enabled", false, "SenderDomainIs", List.of("contoso.example"),
                "SetHeaderName", "X-Tag", "SetHeaderValue", "1"));

        JsonNode rule = fixture.value("Get-TransportRule", Map.of()).get(0);

        assertThat(rule.get("Priority").isInt()).isTrue();
        assertThat(rule.get("Priority").asInt()).isZero();
        assertThat(rule.get("Priority@data.type").asText()).isEqualTo("#Int32");
        assertThat(rule.get("State").asText()).isEqualTo("Disabled");
        assertThat(rule.get("Mode").asText()).isEqualTo("Enforce");
        for (String empty : List.of("From", "FromMemberOf", "ExceptIfSenderIpRanges", "SentTo", "AddToRecipients", "Exceptions")) {
            assertThat(rule.get(empty).isNull()).as(empty).isTrue();
        }
        assertThat(rule.get("SenderDomainIs").get(0).asText()).isEqualTo("contoso.example");
        assertThat(rule.get("Conditions")).extracting(JsonNode::asText)
                .containsExactly("Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SenderDomainIsPredicate");
        assertThat(rule.get("Actions")).extracting(JsonNode::asText)
                .containsExactly("Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SetHeaderAction");
    }
}
