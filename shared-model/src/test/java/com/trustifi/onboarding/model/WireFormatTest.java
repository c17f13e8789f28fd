package com.trustifi.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Pins the wire format: a change that breaks these files breaks the other service. */
class WireFormatTest {

    private static final UUID ONBOARDING_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final String TENANT_ID = "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01";

    private final ProvisioningCommand command = new ProvisioningCommand(
            ProvisioningCommand.SCHEMA_VERSION,
            UUID.fromString("5b0c1f0e-8f1e-4a53-9a3c-0d6a8d1c2b11"),
            ONBOARDING_ID,
            TENANT_ID,
            CommandKind.ONBOARD,
            new RelayConfiguration(List.of("contoso.example", "sales.contoso.example"),
                    RelayProfileName.ALL_TENANTS,
                    new EncryptedSecret("2026-11", "bm9uY2Utbm9uY2UtY2lwaGVydGV4dA=="),
                    new RelayConfiguration.LimitedScope("relay-pilot@contoso.example", List.of()),
                    "postmaster@partner.example",
                    List.of(new DnsRecord("identity", "TXT", "_amazonses.contoso.example",
                            "pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU="))),
            Instant.parse("2026-11-28T10:15:30Z"),
            7);

    private final TenantGeneration generation = new TenantGeneration(TenantGeneration.SCHEMA_VERSION, TENANT_ID, 8,
            Instant.parse("2026-11-28T10:16:00Z"));

    private final StatusEvent event = new StatusEvent(
            StatusEvent.SCHEMA_VERSION,
            UUID.fromString("c56a4180-65aa-42ec-a945-5fd21dec0538"),
            ONBOARDING_ID,
            TENANT_ID,
            2,
            ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR,
            StepOutcome.CREATED,
            "created Trustifi Outbound Connector (Send)",
            null,
            1,
            null,
            false,
            Instant.parse("2026-11-28T10:15:32.500Z"));

    private final StatusEvent domainCheck = new StatusEvent(
            StatusEvent.SCHEMA_VERSION,
            UUID.fromString("9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c"),
            ONBOARDING_ID,
            TENANT_ID,
            11,
            ProvisioningStep.CHECK_DOMAIN_VERIFICATION,
            StepOutcome.WARNING,
            "1 of 2 domain-verification records is not published",
            "Publish the records at the domains' DNS host",
            1,
            null,
            false,
            Instant.parse("2026-11-28T10:15:40Z"),
            RelayProfileName.ALL_TENANTS,
            List.of(new DnsRecordCheck(new DnsRecord("identity", "TXT", "_amazonses.contoso.example", "token"), true),
                    new DnsRecordCheck(new DnsRecord("mail-from", "MX", "bounce.contoso.example",
                            "10 feedback-smtp.us-east-1.amazonses.com"), false)));

    private final StatusEvent drifted = new StatusEvent(
            StatusEvent.SCHEMA_VERSION,
            UUID.fromString("4d3c2b1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
            ONBOARDING_ID,
            TENANT_ID,
            9,
            ProvisioningStep.ONBOARDING,
            StepOutcome.FAILED,
            "Drift found: Trustifi Outbound Relay differs: SetAuditSeverity: Low -> High",
            "Onboard the tenant again to repair it",
            1,
            null,
            true,
            Instant.parse("2026-11-28T10:15:45Z"),
            null,
            null,
            List.of(new PropertyDrift("Trustifi Outbound Relay", "SetAuditSeverity", "High", "Low"),
                    new PropertyDrift("Trustifi Inbound Connector (Receive)", PropertyDrift.WHOLE_OBJECT, "present", null)));

    @Test
    void commandIsWrittenAsTheGoldenFile() throws IOException {
        assertThat(written(command)).isEqualTo(golden("provisioning-command-v1.json"));
    }

    @Test
    void goldenCommandIsRead() throws IOException {
        assertThat(WireJson.mapper().treeToValue(golden("provisioning-command-v1.json"), ProvisioningCommand.class))
                .isEqualTo(command);
    }

    @Test
    void generationIsWrittenAndReadAsTheGoldenFile() throws IOException {
        assertThat(written(generation)).isEqualTo(golden("tenant-generation-v1.json"));
        assertThat(WireJson.mapper().treeToValue(golden("tenant-generation-v1.json"), TenantGeneration.class)).isEqualTo(generation);
    }

    @Test
    void aCommandFromBeforeProfilesIsStillRead() throws IOException {
        ProvisioningCommand older = WireJson.mapper().treeToValue(golden("provisioning-command-v1-before-profiles.json"),
                ProvisioningCommand.class);
        assertThat(older.relay().profile()).as("the creation date chooses, as it did then").isNull();
        assertThat(older.relay().relayDomains()).containsExactly("contoso.example", "sales.contoso.example");
        assertThat(older.relay().domainRecords()).isEmpty();

        var forced = (com.fasterxml.jackson.databind.node.ObjectNode) golden("provisioning-command-v1-before-profiles.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) forced.get("relay")).put("forceProfile", true);
        assertThat(WireJson.mapper().treeToValue(forced, ProvisioningCommand.class).relay().profile())
                .isEqualTo(RelayProfileName.OLDER_TENANT);
    }

    @Test
    void aCommandFromBeforeGenerationsReadsAsGenerationZero() throws IOException {
        var older = (com.fasterxml.jackson.databind.node.ObjectNode) golden("provisioning-command-v1.json");
        older.remove("generation");
        assertThat(WireJson.mapper().treeToValue(older, ProvisioningCommand.class).generation()).isZero();
    }

    @Test
    void eventIsWrittenAsTheGoldenFile() throws IOException {
        assertThat(written(event)).isEqualTo(golden("status-event-v1.json"));
    }

    @Test
    void goldenEventIsRead() throws IOException {
        assertThat(WireJson.mapper().treeToValue(golden("status-event-v1.json"), StatusEvent.class)).isEqualTo(event);
    }

    @Test
    void aDomainCheckEventIsWrittenAndReadAsTheGoldenFile() throws IOException {
        assertThat(written(domainCheck)).isEqualTo(golden("status-event-domain-check-v1.json"));
        assertThat(WireJson.mapper().treeToValue(golden("status-event-domain-check-v1.json"), StatusEvent.class))
                .isEqualTo(domainCheck);
    }

    @Test
    void aVerifysDriftIsWrittenAndReadAsTheGoldenFile() throws IOException {
        assertThat(written(drifted)).isEqualTo(golden("status-event-drift-v1.json"));
        assertThat(WireJson.mapper().treeToValue(golden("status-event-drift-v1.json"), StatusEvent.class)).isEqualTo(drifted);
        assertThat(WireJson.mapper().treeToValue(golden("status-event-v1.json"), StatusEvent.class).drift())
                .as("an event from before drift was carried").isNull();
    }

    @Test
    void aReportIsWrittenAndReadAsTheGoldenFile() throws IOException {
        StatusReport report = StatusReport.of(List.of(event, drifted));
        assertThat(written(report)).isEqualTo(golden("status-report-v1.json"));
        assertThat(read(golden("status-report-v1.json"))).isEqualTo(report);
        assertThat(report.tenantId()).isEqualTo(TENANT_ID);
    }

    @Test
    void aBareEventAsWorkersWroteBeforeReportsIsReadAsAReportOfOne() throws IOException {
        assertThat(read(golden("status-event-v1.json"))).isEqualTo(StatusReport.of(List.of(event)));
    }

    @Test
    void aReportWithoutEventsOrNotAnObjectIsNotAReport() {
        var reports = new WireDeserializer.StatusReports();
        for (String unreadable : List.of("{\"schemaVersion\":1,\"events\":[]}", "null", "[]", "\"text\"", "{")) {
            assertThatThrownBy(() -> reports.deserialize("provisioning-status", unreadable.getBytes(StandardCharsets.UTF_8)))
                    .as(unreadable).isInstanceOf(SerializationException.class)
                    .hasMessage("Not a valid StatusReport on provisioning-status");
        }
    }

    @Test
    void theProfileFollowsTheTenantsCreationDateWhenNoneIsNamed() {
        assertThat(RelayProfileName.forTenantCreated(java.time.OffsetDateTime.parse("2022-12-31T23:59:59Z")))
                .isEqualTo(RelayProfileName.OLDER_TENANT);
        assertThat(RelayProfileName.forTenantCreated(java.time.OffsetDateTime.parse("2023-01-01T00:00:00Z")))
                .isEqualTo(RelayProfileName.ALL_TENANTS);
        assertThat(RelayProfile.named(RelayProfileName.ALL_TENANTS).connectorType()).isEqualTo("Partner");
    }

    @Test
    void readersIgnoreFieldsAddedByNewerProducers() throws IOException {
        var newer = (com.fasterxml.jackson.databind.node.ObjectNode) golden("status-event-v1.json");
        newer.put("addedLater", "value");
        assertThat(WireJson.mapper().treeToValue(newer, StatusEvent.class)).isEqualTo(event);
    }

    @Test
    void kafkaSerdeRoundTripsCommandsAndReports() {
        var serializer = new WireSerializer<Object>();
        assertThat(new WireDeserializer.Commands().deserialize("t", serializer.serialize("t", command)))
                .isEqualTo(command);
        StatusReport report = StatusReport.of(List.of(event, domainCheck));
        assertThat(new WireDeserializer.StatusReports().deserialize("t", serializer.serialize("t", report)))
                .isEqualTo(report);
    }

    private static StatusReport read(JsonNode json) throws IOException {
        return new WireDeserializer.StatusReports().deserialize("provisioning-status", WireJson.mapper().writeValueAsBytes(json));
    }

    /** Through text, so that numbers compare as they would be read back. */
    private static JsonNode written(Object value) throws IOException {
        return WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(value));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/golden/" + name)) {
            return WireJson.mapper().readTree(in);
        }
    }
}
