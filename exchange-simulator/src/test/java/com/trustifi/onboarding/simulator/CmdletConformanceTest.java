package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.exchange.RemoteDomain;
import com.trustifi.onboarding.simulator.exchange.TransportRule;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.trustifi.onboarding.simulator.ConformanceFixture.assertCmdletError;
import static com.trustifi.onboarding.simulator.ConformanceFixture.params;
import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every cmdlet rule of exchange-reference.md, over HTTPS, as the worker will meet it. */
class CmdletConformanceTest extends RunningSimulator {

    private static final String OUTBOUND = "Trustifi Outbound Connector (Send)";
    private static final String INBOUND = "Trustifi Inbound Connector (Receive)";
    private static final String RULE = "Trustifi Outbound Relay";
    private static final List<String> TRUSTIFI_IPS = List.of("3.93.243.176", "3.93.139.220", "52.73.143.252", "52.54.159.237");

    private static ConformanceFixture newTenant() {
        return ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Fabrikam"));
    }

    private static ConformanceFixture newDehydratedTenant() {
        TenantSpec base = TestTenants.withCustomDomain("Nuñez y Asociados");
        return ConformanceFixture.newTenant(simulator, client, new TenantSpec(base.tenantId(), base.initialDomain(), base.displayName(),
                base.createdDateTime(), base.domains(), true, List.of()));
    }

    private static Map<String, Object> seedOutboundConnector() {
        return params("Name", OUTBOUND, "ConnectorType", "OnPremises", "IsTransportRuleScoped", true, "UseMXRecord", false,
                "SmartHosts", List.of("smtp.trustifi.com"), "TlsSettings", "DomainValidation", "TlsDomain", "*.trustifi.com", "Enabled", true);
    }

    private static Map<String, Object> seedInboundConnector() {
        return params("Name", INBOUND, "ConnectorType", "OnPremises", "SenderDomains", List.of("*"), "SenderIPAddresses", TRUSTIFI_IPS,
                "CloudServicesMailEnabled", true, "Enabled", true);
    }

    private static Map<String, Object> seedRule(String domain) {
        return params("Name", RULE, "SenderDomainIs", List.of(domain), "FromScope", "InOrganization",
                "RouteMessageOutboundConnector", OUTBOUND, "SetHeaderName", "x-trustifi-creds", "SetHeaderValue", "s3cr3t",
                "ExceptIfSenderIpRanges", TRUSTIFI_IPS, "SetAuditSeverity", "High", "StopRuleProcessing", true,
                "RuleErrorAction", "Defer", "SenderAddressLocation", "HeaderOrEnvelope", "Mode", "Enforce");
    }

    private static String customDomain(ConformanceFixture fixture) {
        return fixture.tenant().domains().get(1).name();
    }

    // --- organization config and dehydration ---

    @Test
    void organizationConfigShowsNameAndDehydration() {
        ConformanceFixture fixture = newDehydratedTenant();

        JsonNode config = fixture.value("Get-OrganizationConfig", Map.of()).get(0);

        assertThat(config.get("IsDehydrated").asBoolean()).isTrue();
        assertThat(config.get("Name").asText()).isEqualTo(fixture.tenant().initialDomain());
        assertThat(config.get("DisplayName").asText()).isEqualTo("Nuñez y Asociados");
        assertThat(config.get("Identity").asText()).isNotBlank();
        assertThat(config.get("Guid").asText()).hasSize(36);
    }

    @Test
    void dehydratedTenantRefusesChangesUntilCustomized() {
        ConformanceFixture fixture = newDehydratedTenant();
        String notCustomized = "Microsoft.Exchange.Configuration.Tasks.InvalidOperationInDehydratedContextException|"
                + "The command you tried to run isn't currently allowed in your organization. To run this command, you first need to run "
                + "the command: Enable-OrganizationCustomization.";

        assertCmdletError(fixture.invoke("New-OutboundConnector", seedOutboundConnector()), notCustomized);
        assertCmdletError(fixture.invoke("New-InboundConnector", seedInboundConnector()), notCustomized);
        assertCmdletError(fixture.invoke("Set-RemoteDomain", params("Identity", "Default", "TNEFEnabled", false)), notCustomized);
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "x", "SetHeaderName", "a", "SetHeaderValue", "b")), notCustomized);
        assertCmdletError(fixture.invoke("Remove-TransportRule", params("Identity", "x")), notCustomized);
        assertCmdletError(fixture.invoke("Enable-TransportRule", params("Identity", "x")), notCustomized);
        // Reads still work on a dehydrated tenant.
        assertThat(fixture.value("Get-TransportRule", Map.of())).isEmpty();
        assertThat(fixture.value("Get-RemoteDomain", Map.of())).hasSize(1);

        assertThat(fixture.value("Enable-OrganizationCustomization", Map.of())).isEmpty();

        assertThat(fixture.value("Get-OrganizationConfig", Map.of()).get(0).get("IsDehydrated").asBoolean()).isFalse();
        assertThat(fixture.value("New-OutboundConnector", seedOutboundConnector())).hasSize(1);
        assertCmdletError(fixture.invoke("Enable-OrganizationCustomization", Map.of()), "already enabled for customization");
    }

    // --- outbound connector validation ---

    @Test
    void validateOutboundConnectorFailsTestEmailUntilARuleRoutesToIt() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());
        Map<String, Object> validate = params("Identity", OUTBOUND, "Recipients", List.of("postmaster@mail.trustifi.example"));

        JsonNode before = fixture.value("Validate-OutboundConnector", validate);
        fixture.value("New-TransportRule", seedRule(customDomain(fixture)));
        JsonNode after = fixture.value("Validate-OutboundConnector", validate);

        assertThat(before).hasSize(2);
        assertThat(before.get(0).get("Identity").asText()).isEqualTo(OUTBOUND);
        assertThat(before.get(0).get("TaskName").asText()).isEqualTo("Check connectivity");
        assertThat(before.get(0).get("Status").asText()).isEqualTo("Succeeded");
        assertThat(before.get(1).get("TaskName").asText()).isEqualTo("Send test email");
        assertThat(before.get(1).get("Status").asText()).isEqualTo("Failed");
        assertThat(after.get(1).get("Status").asText()).isEqualTo("Succeeded");
        assertThat(fixture.tenant().cmdletCounts().get("Validate-OutboundConnector").writes()).isZero();
    }

    @Test
    void validateRefusesRecipientsHostedInTheTenant() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());

        HttpResponse<String> hosted = fixture.invoke("Validate-OutboundConnector",
                params("Identity", OUTBOUND, "Recipients", List.of("someone@" + customDomain(fixture).toUpperCase())));
        HttpResponse<String> missing = fixture.invoke("Validate-OutboundConnector", params("Identity", "Nope", "Recipients", "a@b.example"));
        HttpResponse<String> noRecipients = fixture.invoke("Validate-OutboundConnector", params("Identity", OUTBOUND));

        assertCmdletError(hosted, "recipient must not be hosted in Office 365");
        assertCmdletError(missing, 404, "couldn't be found");
        assertCmdletError(noRecipients, "missing mandatory parameters: Recipients");
    }

    // --- inbound connector ---

    @Test
    void inboundConnectorCrud() {
        ConformanceFixture fixture = newTenant();

        JsonNode created = fixture.value("New-InboundConnector", seedInboundConnector()).get(0);
        HttpResponse<String> duplicate = fixture.invoke("New-InboundConnector", seedInboundConnector());
        fixture.value("Set-InboundConnector", params("Identity", INBOUND, "Comment", "Ünïcödé", "SenderIPAddresses", "52.73.143.0/24"));
        JsonNode read = fixture.value("Get-InboundConnector", params("Identity", created.get("Guid").asText())).get(0);

        assertThat(created.get("ConnectorType").asText()).isEqualTo("OnPremises");
        assertThat(created.get("SenderDomains").get(0).asText()).isEqualTo("smtp:*;1");
        assertThat(created.get("SenderIPAddresses")).hasSize(4);
        assertThat(created.get("CloudServicesMailEnabled").asBoolean()).isTrue();
        assertThat(created.get("TreatMessagesAsInternal").asBoolean()).isFalse();
        assertThat(created.get("RequireTls").asBoolean()).isFalse();
        assertThat(created.get("RestrictDomainsToIPAddresses").asBoolean()).isFalse();
        assertThat(created.get("RestrictDomainsToCertificate").asBoolean()).isFalse();
        assertThat(created.get("Enabled").asBoolean()).isTrue();
        assertCmdletError(duplicate, "already exists");
        assertThat(read.get("Comment").asText()).isEqualTo("Ünïcödé");
        assertThat(read.get("SenderIPAddresses").get(0).asText()).isEqualTo("52.73.143.0/24");
        assertThat(fixture.tenant().inboundConnectors()).hasSize(1);

        assertThat(fixture.value("Remove-InboundConnector", params("Identity", INBOUND, "Confirm", false))).isEmpty();
        assertThat(fixture.tenant().inboundConnectors()).isEmpty();
        assertCmdletError(fixture.invoke("Remove-InboundConnector", params("Identity", INBOUND)), 404, "couldn't be found");
        assertCmdletError(fixture.invoke("Set-InboundConnector", params("Identity", INBOUND, "Enabled", false)), 404, "couldn't be found");
    }

    @Test
    void inboundConnectorRules() {
        ConformanceFixture fixture = newTenant();
        Map<String, Object> noDomains = new java.util.LinkedHashMap<>(seedInboundConnector());
        noDomains.remove("SenderDomains");

        assertCmdletError(fixture.invoke("New-InboundConnector", noDomains), "missing mandatory parameters: SenderDomains");
        for (String bad : List.of("52.73.0.0/16", "2001:db8::1", "52.73.143.256", "host.example", "1.2.3.4/33")) {
            Map<String, Object> parameters = new java.util.LinkedHashMap<>(seedInboundConnector());
            parameters.put("SenderIPAddresses", List.of("3.93.243.176", bad));
            assertCmdletError(fixture.invoke("New-InboundConnector", parameters), "ParameterTransformationException|"
                    + "Cannot process argument transformation on parameter 'SenderIPAddresses'. Cannot convert value \"" + bad + "\"");
        }
        Map<String, Object> internalAndCloud = new java.util.LinkedHashMap<>(seedInboundConnector());
        internalAndCloud.put("TreatMessagesAsInternal", true);
        assertCmdletError(fixture.invoke("New-InboundConnector", internalAndCloud), "can't both be set to true");
        assertCmdletError(fixture.invoke("New-InboundConnector", params("Name", "p", "ConnectorType", "Partner", "SenderDomains", "*",
                "TreatMessagesAsInternal", true)), "The TreatMessagesAsInternal parameter can only be specified for Connector type OnPremises.");
        for (String partnerOnly : List.of("RestrictDomainsToIPAddresses", "RestrictDomainsToCertificate")) {
            Map<String, Object> parameters = new java.util.LinkedHashMap<>(seedInboundConnector());
            parameters.put(partnerOnly, true);
            assertCmdletError(fixture.invoke("New-InboundConnector", parameters), "can only be specified for Connector type Partner");
        }
        assertCmdletError(fixture.invoke("New-InboundConnector", params("Name", "p", "ConnectorType", "Hybrid", "SenderDomains", "*")),
                "Cannot convert value \"Hybrid\"");
        assertCmdletError(fixture.invoke("New-InboundConnector", params("Name", "p", "SenderDomains", "*", "SenderIpAddress", "1.2.3.4")),
                "Invalid cmdlet parameters specified. SenderIpAddress");
        JsonNode partner = fixture.value("New-InboundConnector", params("Name", "Partner", "SenderDomains", "partner.example",
                "RequireTls", true, "RestrictDomainsToIPAddresses", true, "SenderIPAddresses", "198.51.100.7")).get(0);
        assertThat(partner.get("ConnectorType").asText()).isEqualTo("Partner");
        assertThat(fixture.tenant().inboundConnectors()).hasSize(1);
    }

    // --- remote domain and accepted domain ---

    @Test
    void defaultRemoteDomainExistsWithExchangeDefaultsAndCanBeSet() {
        ConformanceFixture fixture = newTenant();

        JsonNode initial = fixture.value("Get-RemoteDomain", params("Identity", "Default")).get(0);
        fixture.value("Set-RemoteDomain", params("Identity", "Default", "TNEFEnabled", false, "CharacterSet", "utf-8",
                "NonMimeCharacterSet", "UTF-8", "AllowedOOFType", "externallegacy"));
        JsonNode changed = fixture.value("Get-RemoteDomain", params("Identity", "default")).get(0);
        fixture.value("Set-RemoteDomain", params("Identity", "Default", "TNEFEnabled", null));

        assertThat(initial.get("Name").asText()).isEqualTo("Default");
        assertThat(initial.get("DomainName").asText()).isEqualTo("*");
        assertThat(initial.get("TNEFEnabled").isNull()).isTrue();
        assertThat(initial.get("CharacterSet").asText()).isEqualTo("iso-8859-1");
        assertThat(initial.get("NonMimeCharacterSet").asText()).isEqualTo("iso-8859-1");
        assertThat(initial.get("AllowedOOFType").asText()).isEqualTo("External");
        assertThat(changed.get("TNEFEnabled").asBoolean()).isFalse();
        assertThat(changed.get("CharacterSet").asText()).isEqualTo("utf-8");
        assertThat(changed.get("NonMimeCharacterSet").asText()).isEqualTo("utf-8");
        assertThat(changed.get("AllowedOOFType").asText()).isEqualTo("ExternalLegacy");
        RemoteDomain restored = fixture.tenant().remoteDomain(RemoteDomain.DEFAULT).orElseThrow();
        assertThat(restored.tnefEnabled()).isNull();
        assertThat(restored.characterSet()).isEqualTo("utf-8");

        assertCmdletError(fixture.invoke("Set-RemoteDomain", params("Identity", "Default", "AllowedOOFType", "Everyone")),
                "Cannot convert value \"Everyone\"");
        assertCmdletError(fixture.invoke("Set-RemoteDomain", params("Identity", "Default", "TNEFEnabled", "Never")),
                "Cannot process argument transformation on parameter 'TNEFEnabled'");
        assertCmdletError(fixture.invoke("Set-RemoteDomain", params("Identity", "Default", "CharacterSet", "klingon")),
                "isn't supported");
        assertCmdletError(fixture.invoke("Set-RemoteDomain", params("Identity", "contoso.example", "TNEFEnabled", true)), 404, "couldn't be found");
    }

    @Test
    void acceptedDomainsComeFromTheTenantsVerifiedDomains() {
        String id = UUID.randomUUID().toString();
        String label = "t" + id.substring(0, 8);
        TenantSpec spec = new TenantSpec(id, label + ".onmicrosoft.com", "Αθήνα Shipping", OffsetDateTime.parse("2020-01-01T00:00:00Z"),
                List.of(DomainSpec.verifiedEmailDomain(label + ".example", true),
                        new DomainSpec("relay." + label + ".example", true, false, List.of("Email"), "InternalRelay"),
                        new DomainSpec("pending." + label + ".example", false, false, List.of(), "Authoritative")));
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, client, spec);

        JsonNode domains = fixture.value("Get-AcceptedDomain", Map.of());
        JsonNode relay = fixture.value("Get-AcceptedDomain", params("Identity", "relay." + label + ".example")).get(0);

        assertThat(domains).hasSize(3);
        assertThat(domains.get(1).get("DomainName").asText()).isEqualTo(label + ".example");
        assertThat(domains.get(1).get("DomainType").asText()).isEqualTo("Authoritative");
        assertThat(domains.get(1).get("Default").asBoolean()).isTrue();
        assertThat(domains.get(0).get("Default").asBoolean()).isFalse();
        assertThat(relay.get("DomainType").asText()).isEqualTo("InternalRelay");
        assertCmdletError(fixture.invoke("Get-AcceptedDomain", params("Identity", "pending." + label + ".example")), 404, "couldn't be found");
        assertCmdletError(fixture.invoke("Set-AcceptedDomain", params("Identity", label + ".example")), "is not recognized");
    }

    // --- transport rules ---

    @Test
    void newTransportRuleWithEveryParameterOfTheSeed() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());

        JsonNode rule = fixture.value("New-TransportRule", seedRule(customDomain(fixture))).get(0);
        JsonNode read = fixture.value("Get-TransportRule", params("Identity", RULE)).get(0);

        assertThat(rule).isEqualTo(read);
        assertThat(rule.get("Name").asText()).isEqualTo(RULE);
        assertThat(rule.get("Identity").asText()).isEqualTo(RULE);
        assertThat(rule.get("Guid").asText()).hasSize(36);
        assertThat(rule.get("Priority").asInt()).isZero();
        assertThat(rule.get("State").asText()).isEqualTo("Enabled");
        assertThat(rule.get("Mode").asText()).isEqualTo("Enforce");
        assertThat(rule.get("SenderDomainIs").get(0).asText()).isEqualTo(customDomain(fixture));
        assertThat(rule.get("FromScope").asText()).isEqualTo("InOrganization");
        assertThat(rule.get("RouteMessageOutboundConnector").asText()).isEqualTo(OUTBOUND);
        assertThat(rule.get("SetHeaderName").asText()).isEqualTo("x-trustifi-creds");
        assertThat(rule.get("SetHeaderValue").asText()).isEqualTo("s3cr3t");
        assertThat(rule.get("ExceptIfSenderIpRanges")).hasSize(4);
        assertThat(rule.get("SetAuditSeverity").asText()).isEqualTo("High");
        assertThat(rule.get("StopRuleProcessing").asBoolean()).isTrue();
        assertThat(rule.get("RuleErrorAction").asText()).isEqualTo("Defer");
        assertThat(rule.get("SenderAddressLocation").asText()).isEqualTo("HeaderOrEnvelope");
        assertThat(rule.get("WhenChanged").asText()).isNotBlank();
        assertThat(rule.has("effectiveAt")).as("simulator-only facts stay out of Exchange output").isFalse();
    }

    @Test
    void transportRuleParameterRules() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());

        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "x".repeat(65))), "The maximum length is 64");
        assertThat(fixture.value("New-TransportRule", params("Name", "y".repeat(64), "Comments", "Überprüft"))).hasSize(1);
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "Y".repeat(64))), "already exists");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "RouteMessageOutboundConnector", "Missing")),
                "couldn't be found");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "ExceptIfSenderIpRanges", List.of("10.0.0.0/8", "nope"))),
                "Cannot convert value \"nope\"");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "Mode", "Test")), "Cannot convert value \"Test\"");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SetAuditSeverity", "Critical")), "Cannot convert value");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "RuleErrorAction", "Retry")), "Cannot convert value");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SenderAddressLocation", "Body")), "Cannot convert value");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "FromScope", "Anywhere")), "Cannot convert value");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "StopRuleProcessing", "yes")), "System.Boolean");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SetHeaderName", "x-only")), "must be specified together");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "r", "SentToo", "a@b.example")),
                "Invalid cmdlet parameters specified. SentToo");
        assertCmdletError(fixture.invoke("Set-TransportRule", params("Identity", "y".repeat(64), "Enabled", false)),
                "Invalid cmdlet parameters specified. Enabled");
        assertCmdletError(fixture.invoke("Set-TransportRule", params("Identity", "Nope", "Comments", "x")), 404, "couldn't be found");
        assertCmdletError(fixture.invoke("Remove-TransportRule", params("Identity", "Nope")), 404,
                "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'Nope' couldn't be found");
        assertCmdletError(fixture.invoke("Disable-TransportRule", params("Identity", "Nope")), 404, "couldn't be found");
        assertThat(fixture.tenant().transportRules()).hasSize(1);
        JsonNode limited = fixture.value("New-TransportRule", params("Name", "PoC", "From", List.of("ceo@x.example"),
                "FromMemberOf", List.of("pilot@x.example"), "RouteMessageOutboundConnector", OUTBOUND.toUpperCase())).get(0);
        assertThat(limited.get("From").get(0).asText()).isEqualTo("ceo@x.example");
        assertThat(limited.get("FromMemberOf").get(0).asText()).isEqualTo("pilot@x.example");
    }

    @Test
    void prioritiesAreDenseUniqueAndShiftOnInsert() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-TransportRule", params("Name", "A"));
        fixture.value("New-TransportRule", params("Name", "B"));
        fixture.value("New-TransportRule", params("Name", "C"));

        JsonNode inserted = fixture.value("New-TransportRule", params("Name", "D", "Priority", 1)).get(0);
        assertThat(names(fixture)).containsExactly("A", "D", "B", "C");
        assertThat(inserted.get("Priority").asInt()).isEqualTo(1);

        fixture.value("Set-TransportRule", params("Identity", "C", "Priority", 0));
        assertThat(names(fixture)).containsExactly("C", "A", "D", "B");
        fixture.value("Set-TransportRule", params("Identity", "C", "Priority", "3"));
        assertThat(names(fixture)).containsExactly("A", "D", "B", "C");
        fixture.value("New-TransportRule", params("Name", "E", "Priority", 4));
        assertThat(names(fixture)).containsExactly("A", "D", "B", "C", "E");

        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "F", "Priority", 6)), "out of range");
        assertCmdletError(fixture.invoke("New-TransportRule", params("Name", "F", "Priority", -1)), "out of range");
        assertCmdletError(fixture.invoke("Set-TransportRule", params("Identity", "A", "Priority", 5)), "out of range");
        assertCmdletError(fixture.invoke("Set-TransportRule", params("Identity", "A", "Priority", "high")), "System.Int32");

        fixture.value("Remove-TransportRule", params("Identity", "D", "Confirm", false));
        JsonNode all = fixture.value("Get-TransportRule", Map.of());
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("Priority").asInt()).isEqualTo(i);
        }
        assertThat(names(fixture)).containsExactly("A", "B", "C", "E");
    }

    @Test
    void rulesAreEnabledDisabledAndCanBeCreatedDisabled() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-TransportRule", params("Name", "Staged", "Enabled", false));

        assertThat(fixture.value("Get-TransportRule", params("Identity", "Staged")).get(0).get("State").asText()).isEqualTo("Disabled");
        fixture.value("Enable-TransportRule", params("Identity", "staged"));
        assertThat(fixture.value("Get-TransportRule", params("Identity", "Staged")).get(0).get("State").asText()).isEqualTo("Enabled");
        fixture.value("Disable-TransportRule", params("Identity", "Staged", "Confirm", false));
        assertThat(fixture.tenant().transportRules().get(0).enabled()).isFalse();
    }

    @Test
    void newRulesTakeEffectAfterThePropagationDelay() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());
        HttpResponse<String> set = client.putJson("/admin/propagation", Map.of("transportRuleDelaySeconds", 1800));
        try {
            fixture.value("New-TransportRule", seedRule(customDomain(fixture)));
        } finally {
            simulator.setTransportRulePropagationDelay(Duration.ZERO);
        }

        TransportRule rule = fixture.tenant().transportRules().get(0);
        JsonNode state = json(client.get("/admin/tenants/" + fixture.tenant().tenantId(), null)).get("transportRules").get(0);
        JsonNode validation = fixture.value("Validate-OutboundConnector", params("Identity", OUTBOUND, "Recipients", "a@elsewhere.example"));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(Duration.between(rule.whenChanged(), rule.effectiveAt())).isEqualTo(Duration.ofSeconds(1800));
        assertThat(state.get("effective").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(state.get("effectiveAt").asText())).isEqualTo(rule.effectiveAt());
        assertThat(state.get("Priority").asInt()).isZero();
        assertThat(state.get("State").asText()).isEqualTo("Enabled");
        assertThat(validation.get(1).get("Status").asText()).as("a propagating rule does not route mail yet").isEqualTo("Failed");
        assertThat(json(client.get("/admin/propagation", null)).get("transportRuleDelaySeconds").asLong()).isZero();
    }

    private static List<String> names(ConformanceFixture fixture) {
        List<String> names = new ArrayList<>();
        fixture.value("Get-TransportRule", Map.of()).forEach(rule -> names.add(rule.get("Name").asText()));
        return names;
    }

    // --- paging and batching ---

    @Test
    void getHonoursMaxPageSizeAndNextLinkTakesTheSameBody() {
        ConformanceFixture fixture = newTenant();
        for (int i = 0; i < 5; i++) {
            fixture.value("New-TransportRule", params("Name", "Rule " + i));
        }
        Object body = SimulatorClient.cmdletInput("Get-TransportRule", Map.of());
        URI first = URI.create(simulator.baseUri() + "/adminapi/beta/" + fixture.tenant().tenantId() + "/InvokeCommand");

        List<String> seen = new ArrayList<>();
        URI next = first;
        int pages = 0;
        while (next != null) {
            JsonNode page = json(client.invokeAt(next, fixture.token(), body, Map.of("Prefer", "odata.maxpagesize=2")));
            page.get("value").forEach(rule -> seen.add(rule.get("Name").asText()));
            next = page.has("@odata.nextLink") ? URI.create(page.get("@odata.nextLink").asText()) : null;
            pages++;
        }
        JsonNode unpaged = json(fixture.invoke("Get-TransportRule", Map.of()));

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Rule 0", "Rule 1", "Rule 2", "Rule 3", "Rule 4");
        assertThat(unpaged.get("value")).hasSize(5);
        assertThat(unpaged.has("@odata.nextLink")).isFalse();
    }

    @Test
    void batchRunsUpToTenSubRequests() {
        ConformanceFixture fixture = newTenant();
        String url = "/adminapi/beta/" + fixture.tenant().tenantId() + "/InvokeCommand";
        List<Map<String, Object>> requests = List.of(
                Map.of("id", "1", "method", "POST", "url", url, "body", SimulatorClient.cmdletInput("New-OutboundConnector", seedOutboundConnector())),
                Map.of("id", "2", "method", "POST", "url", url, "body", SimulatorClient.cmdletInput("Get-OutboundConnector", Map.of())),
                Map.of("id", "3", "method", "POST", "url", url, "body", SimulatorClient.cmdletInput("Get-InboundConnector", Map.of("Identity", "Nope"))));

        HttpResponse<String> response = client.batch(fixture.tenant().tenantId(), fixture.token(), Map.of("requests", requests));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode responses = json(response).get("responses");
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).get("id").asText()).isEqualTo("1");
        assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(responses.get(1).get("body").get("value").get(0).get("Name").asText()).isEqualTo(OUTBOUND);
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(responses.get(2).get("body").get("error").get("details").get(0).get("message").asText()).contains("couldn't be found");
        assertThat(fixture.tenant().cmdletCounts()).containsKeys("New-OutboundConnector", "Get-OutboundConnector", "Get-InboundConnector");

        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add(Map.of("id", String.valueOf(i), "method", "POST", "url", url,
                    "body", SimulatorClient.cmdletInput("Get-OutboundConnector", Map.of())));
        }
        HttpResponse<String> tooMany = client.batch(fixture.tenant().tenantId(), fixture.token(), Map.of("requests", eleven));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 10");
    }

    // --- administrator edits and inspection ---

    @Test
    void administratorEditsBehindTheWorkersBackAreVisibleButNotCounted() {
        ConformanceFixture fixture = newTenant();
        fixture.value("New-OutboundConnector", seedOutboundConnector());

        simulator.invokeAsAdmin(fixture.tenant().tenantId(), "Set-OutboundConnector", params("Identity", OUTBOUND, "Enabled", false));
        List<Map<String, Object>> created = simulator.invokeAsAdmin(fixture.tenant().initialDomain(), "New-TransportRule",
                params("Name", "Admin's own", "Priority", 0));

        assertThat(fixture.value("Get-OutboundConnector", Map.of()).get(0).get("Enabled").asBoolean()).isFalse();
        assertThat(created.get(0).get("Priority")).isEqualTo(0);
        assertThat(fixture.tenant().cmdletCounts()).doesNotContainKeys("Set-OutboundConnector", "New-TransportRule");

        JsonNode state = json(client.get("/admin/tenants/" + fixture.tenant().tenantId(), null));
        assertThat(state.get("organizationConfig").get("IsDehydrated").asBoolean()).isFalse();
        assertThat(state.get("acceptedDomains")).hasSize(2);
        assertThat(state.get("remoteDomains").get(0).get("Name").asText()).isEqualTo("Default");
        assertThat(state.get("inboundConnectors")).isEmpty();
        assertThat(state.get("transportRules").get(0).get("Name").asText()).isEqualTo("Admin's own");
        assertThat(state.get("tokenRequests").asLong()).isEqualTo(1);
        assertThat(state.get("maxInFlight").asInt()).isEqualTo(1);
        assertThat(state.get("callLog").get(0).get("cmdlet").asText()).isEqualTo("New-OutboundConnector");
        assertThat(state.get("callLog").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(state.get("counters").get("Get-OutboundConnector").get("faults").asLong()).isZero();
    }
}
