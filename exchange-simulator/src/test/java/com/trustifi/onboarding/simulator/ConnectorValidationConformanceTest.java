package com.trustifi.onboarding.simulator;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * exchange-reference.md section 6: "outbound connector validation", "IP ranges", the inbound connector's Partner-only and
 * OnPremises-only parameters, and the two relay profiles' connectors. Only SenderRewritingEnabled's text is captured
 * [S8]; the other texts are the simulator's own (not recovered), so those tests assert status and type strictly and
 * the text only by its subject.
 */
class ConnectorValidationConformanceTest extends RunningSimulator {

    private static final String ARGUMENT = "System.ArgumentException";
    private static final String RESERVED = "Microsoft.Exchange.Management.Tasks.IPRangeInConnectorContainsReservedIPAddressesException";
    private static final String TRANSFORMATION = "Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException";
    private static final List<String> TRUSTIFI_IPS = List.of("3.93.243.176", "3.93.139.220", "52.73.143.252", "52.54.159.237");

    private static ConformanceFixture newTenant() {
        return ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Łódź Logistyka Sp. z o.o."));
    }

    /** The older-tenant profile's outbound connector (seed steps 7-16). */
    private static Map<String, Object> onPremisesOutbound() {
        return new LinkedHashMap<>(params("Name", "Trustifi Outbound Connector (Send)", "ConnectorType", "OnPremises",
                "IsTransportRuleScoped", true, "UseMXRecord", false, "SmartHosts", List.of("smtp.trustifi.com"),
                "TlsSettings", "DomainValidation", "TlsDomain", "*.trustifi.com", "Enabled", true));
    }

    /** The all-tenants profile's outbound connector: a Partner connector with the same routing. */
    private static Map<String, Object> partnerOutbound() {
        Map<String, Object> parameters = onPremisesOutbound();
        parameters.put("ConnectorType", "Partner");
        return parameters;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>(base);
        parameters.putAll(params(namesAndValues));
        return parameters;
    }

    @Test
    void outboundConnectorValidation_useMxRecordFalseNeedsSmartHosts() {
        Map<String, Object> parameters = onPremisesOutbound();
        parameters.remove("SmartHosts");

        assertCmdletError(newTenant().invoke("New-OutboundConnector", parameters), 400, ARGUMENT, "SmartHosts must be specified");
    }

    @Test
    void outboundConnectorValidation_onPremisesWithUseMxRecordFails() {
        assertCmdletError(newTenant().invoke("New-OutboundConnector", with(onPremisesOutbound(), "UseMXRecord", true)), 400, ARGUMENT,
                "UseMXRecord can't be set to true for Connector type OnPremises");
    }

    @Test
    void outboundConnectorValidation_isTransportRuleScopedExactlyWhenNoRecipientDomainsAndNotAllAcceptedDomains() {
        ConformanceFixture fixture = newTenant();

        assertCmdletError(fixture.invoke("New-OutboundConnector", with(onPremisesOutbound(), "RecipientDomains", List.of("a.example"))),
                400, ARGUMENT, "A connector with IsTransportRuleScoped set to true can't have RecipientDomains");
        assertCmdletError(fixture.invoke("New-OutboundConnector", with(onPremisesOutbound(), "AllAcceptedDomains", true)),
                400, ARGUMENT, "A connector with IsTransportRuleScoped set to true can't have RecipientDomains");
        assertCmdletError(fixture.invoke("New-OutboundConnector", with(partnerOutbound(), "IsTransportRuleScoped", false)),
                400, ARGUMENT, "Specify RecipientDomains or AllAcceptedDomains");
        assertThat(fixture.value("New-OutboundConnector", with(partnerOutbound(), "Name", "Scoped by domain",
                "IsTransportRuleScoped", false, "RecipientDomains", List.of("partner.example")))).hasSize(1);
        assertThat(fixture.value("New-OutboundConnector", with(onPremisesOutbound(), "Name", "All accepted",
                "IsTransportRuleScoped", false, "AllAcceptedDomains", true))).hasSize(1);
    }

    @Test
    void outboundConnectorValidation_domainValidationAndTlsDomainNeedEachOther() {
        ConformanceFixture fixture = newTenant();
        Map<String, Object> noTlsDomain = onPremisesOutbound();
        noTlsDomain.remove("TlsDomain");

        assertCmdletError(fixture.invoke("New-OutboundConnector", noTlsDomain), 400, ARGUMENT,
                "TlsDomain must be specified exactly when TlsSettings is DomainValidation");
        assertCmdletError(fixture.invoke("New-OutboundConnector", with(onPremisesOutbound(), "TlsSettings", "EncryptionOnly")), 400,
                ARGUMENT, "TlsDomain must be specified exactly when TlsSettings is DomainValidation");
    }

    @Test
    void outboundConnectorValidation_onPremisesOnlyParametersOnAPartnerConnector() {
        ConformanceFixture fixture = newTenant();

        for (String onPremisesOnly : List.of("RouteAllMessagesViaOnPremises", "CloudServicesMailEnabled")) {
            assertCmdletError(fixture.invoke("New-OutboundConnector", with(partnerOutbound(), onPremisesOnly, true)), 400, ARGUMENT,
                    "The " + onPremisesOnly + " parameter can only be specified for Connector type OnPremises.");
        }
        assertCmdletError(fixture.invoke("New-OutboundConnector", with(partnerOutbound(), "IsTransportRuleScoped", false,
                "AllAcceptedDomains", true)), 400, ARGUMENT, "The AllAcceptedDomains parameter can only be specified for Connector type OnPremises.");
        assertThat(fixture.tenant().outboundConnectors()).isEmpty();
    }

    @Test
    void outboundConnectorValidation_senderRewritingEnabledCapturedText() {
        assertCmdletError(newTenant().invoke("New-OutboundConnector", with(partnerOutbound(), "SenderRewritingEnabled", true)), 400,
                "System.ArgumentException", "The SenderRewritingEnabled parameter can only be specified for Connector type OnPremises.");
    }

    @Test
    void ipRanges_cidr24To32Only_noIpv6() {
        ConformanceFixture fixture = newTenant();

        for (String bad : List.of("52.73.142.0/23", "2001:db8::1")) {
            assertCmdletError(fixture.invoke("New-InboundConnector", params("Name", "p", "SenderDomains", "*",
                    "SenderIPAddresses", List.of(bad))), 400, TRANSFORMATION,
                    "Cannot process argument transformation on parameter 'SenderIPAddresses'. Cannot convert value \"" + bad + "\"");
        }
        assertThat(fixture.value("New-InboundConnector", params("Name", "p", "SenderDomains", "*",
                "SenderIPAddresses", List.of("52.73.143.0/24", "52.73.143.252/32")))).hasSize(1);
    }

    @Test
    void ipRanges_reservedOrPrivateRefusedInConnectorsAndSmartHosts_textNotRecovered() {
        ConformanceFixture fixture = newTenant();

        for (String reserved : List.of("10.1.2.3", "192.168.10.0/24", "172.16.5.5", "127.0.0.1", "169.254.1.1", "100.64.0.1")) {
            assertCmdletError(fixture.invoke("New-InboundConnector", params("Name", "p", "SenderDomains", "*",
                    "SenderIPAddresses", List.of("3.93.243.176", reserved))), 400, RESERVED, "The IP range " + reserved);
        }
        assertCmdletError(fixture.invoke("New-OutboundConnector", with(onPremisesOutbound(), "SmartHosts", List.of("192.168.1.25"))),
                400, RESERVED, "The IP range 192.168.1.25");
        assertThat(fixture.value("New-OutboundConnector", with(onPremisesOutbound(), "SmartHosts", List.of("52.73.143.252")))).hasSize(1);
    }

    @Test
    void inboundConnector_restrictDomainsParametersArePartnerOnly_treatMessagesAsInternalOnPremisesOnly() {
        ConformanceFixture fixture = newTenant();
        Map<String, Object> onPremises = params("Name", "i", "ConnectorType", "OnPremises", "SenderDomains", "*",
                "SenderIPAddresses", TRUSTIFI_IPS);

        for (String partnerOnly : List.of("RestrictDomainsToCertificate", "RestrictDomainsToIPAddresses")) {
            assertCmdletError(fixture.invoke("New-InboundConnector", with(onPremises, partnerOnly, true)), 400, ARGUMENT,
                    "The " + partnerOnly + " parameter can only be specified for Connector type Partner.");
        }
        assertCmdletError(fixture.invoke("New-InboundConnector", with(onPremises, "ConnectorType", "Partner", "TreatMessagesAsInternal", true)),
                400, ARGUMENT, "The TreatMessagesAsInternal parameter can only be specified for Connector type OnPremises.");
        assertCmdletError(fixture.invoke("New-InboundConnector", with(onPremises, "TreatMessagesAsInternal", true,
                "CloudServicesMailEnabled", true)), 400, ARGUMENT, "TreatMessagesAsInternal and CloudServicesMailEnabled can't both");
        assertThat(fixture.tenant().inboundConnectors()).isEmpty();
    }

    @Test
    void relayProfiles_olderTenantsOnPremisesAndAllTenantsPartnerConnectorsAreAccepted() {
        ConformanceFixture older = newTenant();
        ConformanceFixture all = newTenant();

        assertThat(older.value("New-OutboundConnector", onPremisesOutbound())).hasSize(1);
        assertThat(older.value("New-InboundConnector", params("Name", "Trustifi Inbound Connector (Receive)", "ConnectorType", "OnPremises",
                "SenderDomains", List.of("*"), "SenderIPAddresses", TRUSTIFI_IPS, "CloudServicesMailEnabled", true, "Enabled", true))).hasSize(1);
        assertThat(all.value("New-OutboundConnector", partnerOutbound()).get(0).get("ConnectorType").asText()).isEqualTo("Partner");
        assertThat(all.value("New-InboundConnector", params("Name", "Trustifi Inbound Connector (Receive)", "ConnectorType", "Partner",
                "SenderDomains", List.of("*"), "SenderIPAddresses", TRUSTIFI_IPS, "RestrictDomainsToIPAddresses", true,
                "RequireTls", true, "Enabled", true)).get(0).get("RestrictDomainsToIPAddresses").asBoolean()).isTrue();
    }
}
