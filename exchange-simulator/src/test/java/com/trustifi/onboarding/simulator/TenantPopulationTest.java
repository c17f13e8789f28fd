package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class TenantPopulationTest {

    private static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2023-01-01T00:00:00Z");

    @TempDir
    Path stateDirectory;

    @Test
    void populationIsDeterministicAndAsVariedAsRealCustomers() {
        List<TenantSpec> population = TenantPopulation.generate(300, 42);

        assertThat(TenantPopulation.generate(300, 42)).isEqualTo(population);
        assertThat(TenantPopulation.generate(10, 42)).isEqualTo(population.subList(0, 10));
        assertThat(population).anyMatch(t -> t.createdDateTime().isBefore(CUTOFF)).anyMatch(t -> t.createdDateTime().isAfter(CUTOFF));
        assertThat(population).allMatch(t -> t.domains().size() >= 1 && t.domains().size() <= 3);
        assertThat(population).anyMatch(t -> t.domains().size() == 3);
        assertThat(population).anyMatch(t -> t.domains().stream().anyMatch(d -> d.acceptedDomainType().equals("InternalRelay")));
        assertThat(population).anyMatch(TenantSpec::dehydrated).anyMatch(t -> !t.dehydrated());
        assertThat(population).anyMatch(t -> !t.displayName().chars().allMatch(c -> c < 128));
        assertThat(population).anyMatch(t -> t.configuration().size() > 1);
        assertThat(population).anyMatch(t -> has(t, "New-OutboundConnector")).anyMatch(t -> has(t, "New-InboundConnector"));
        assertThat(population).filteredOn(TenantSpec::dehydrated).noneMatch(t -> has(t, "New-OutboundConnector"));
    }

    @Test
    void foreignConnectorsAndRulesAreCreatedAndReadBackAsExchangeShowsThem() {
        try (ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory))) {
            List<TenantSpec> population = TenantPopulation.generate(120, 42);
            population.forEach(simulator::createTenant);
            TenantSpec withSignature = population.stream()
                    .filter(t -> t.configuration().stream().anyMatch(c -> TenantPopulation.SIGNATURE_CONNECTOR.equals(c.parameters().get("Name"))))
                    .findFirst().orElseThrow();
            SimulatedTenant tenant = simulator.tenant(withSignature.tenantId()).orElseThrow();
            SimulatorClient client = new SimulatorClient(simulator);
            String token = client.token(tenant.tenantId(), ConformanceFixture.EXCHANGE);

            JsonNode outbound = json(client.invoke(tenant.tenantId(), token, "Get-OutboundConnector",
                    Map.of("Identity", TenantPopulation.FOREIGN_OUTBOUND_CONNECTOR))).get("value").get(0);
            JsonNode inbound = json(client.invoke(tenant.tenantId(), token, "Get-InboundConnector",
                    Map.of("Identity", TenantPopulation.FOREIGN_INBOUND_CONNECTOR))).get("value").get(0);
            JsonNode trust = json(client.invoke(tenant.tenantId(), token, "Get-TransportRule", Map.of("Identity", "Trust Wingtip Toys")))
                    .get("value").get(0);
            HttpResponse<String> removeSignature = client.invoke(tenant.tenantId(), token, "Remove-OutboundConnector",
                    Map.of("Identity", TenantPopulation.SIGNATURE_CONNECTOR));

            assertThat(outbound.get("ConnectorType").asText()).isEqualTo("Partner");
            assertThat(outbound.get("IsTransportRuleScoped").asBoolean()).isFalse();
            assertThat(outbound.get("RecipientDomains")).hasSize(2);
            assertThat(inbound.get("SenderDomains").get(0).asText()).isEqualTo("smtp:wingtiptoys.example;1");
            assertThat(inbound.get("RequireTls").asBoolean()).isTrue();
            assertThat(inbound.get("TlsSenderCertificateName").asText()).isEqualTo("mail.wingtiptoys.example");
            assertThat(trust.get("SetSCL").asInt()).isEqualTo(-1);
            assertThat(trust.get("SenderDomainIs").get(0).asText()).isEqualTo("wingtiptoys.example");
            assertThat(trust.get("From").isNull()).isTrue();
            assertThat(removeSignature.statusCode()).as("its rule still routes to it").isEqualTo(400);
            assertThat(tenant.transportRules().get(0).name()).isEqualTo(
                    has(withSignature, TenantPopulation.VENDOR_INBOUND_RULE) ? TenantPopulation.VENDOR_INBOUND_RULE : "Trust Wingtip Toys");
        }
    }

    private static boolean has(TenantSpec tenant, String cmdletOrName) {
        return tenant.configuration().stream()
                .anyMatch(c -> c.cmdletName().equals(cmdletOrName) || cmdletOrName.equals(c.parameters().get("Name")));
    }

    @Test
    void seededTenantsCarryTheirExistingRulesWithTheVendorRuleFirst() {
        try (ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory))) {
            List<TenantSpec> population = TenantPopulation.generate(60, 42);
            population.forEach(simulator::createTenant);
            TenantSpec withRules = population.stream().filter(t -> has(t, TenantPopulation.VENDOR_INBOUND_RULE)).findFirst().orElseThrow();
            TenantSpec dehydrated = population.stream().filter(TenantSpec::dehydrated).findFirst().orElseThrow();

            SimulatedTenant tenant = simulator.tenant(withRules.tenantId()).orElseThrow();
            assertThat(tenant.transportRules()).hasSize((int) withRules.configuration().stream()
                    .filter(c -> c.cmdletName().equals("New-TransportRule")).count());
            assertThat(tenant.transportRules().get(0).name()).isEqualTo(TenantPopulation.VENDOR_INBOUND_RULE);
            assertThat(tenant.cmdletCounts()).as("seeding is not traffic").isEmpty();
            assertThat(simulator.tenant(dehydrated.tenantId()).orElseThrow().organizationConfig().isDehydrated()).isTrue();
        }
    }

    @Test
    void adminCreatesATenantWithDehydrationAndConfigurationFromJson() {
        try (ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory))) {
            SimulatorClient client = new SimulatorClient(simulator);
            Map<String, Object> spec = Map.of(
                    "tenantId", "9a0c3c7e-3f4a-4a8e-9d55-1b2c3d4e5f61",
                    "initialDomain", "lodz.onmicrosoft.com",
                    "displayName", "Łódź Logistyka",
                    "dehydrated", true,
                    "configuration", List.of(Map.of("cmdletName", "New-TransportRule",
                            "parameters", Map.of("Name", TenantPopulation.VENDOR_INBOUND_RULE, "FromScope", "NotInOrganization"))));
            Map<String, Object> broken = Map.of("tenantId", "9a0c3c7e-3f4a-4a8e-9d55-1b2c3d4e5f62", "initialDomain", "broken.onmicrosoft.com",
                    "configuration", List.of(Map.of("cmdletName", "New-TransportRule", "parameters", Map.of("Name", "x", "Mode", "Bogus"))));

            HttpResponse<String> created = client.postJson("/admin/tenants", spec);
            HttpResponse<String> refused = client.postJson("/admin/tenants", broken);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode state = json(created);
            assertThat(state.get("organizationConfig").get("IsDehydrated").asBoolean()).isTrue();
            assertThat(state.get("transportRules").get(0).get("Name").asText()).isEqualTo(TenantPopulation.VENDOR_INBOUND_RULE);
            assertThat(state.get("transportRules").get(0).get("effective").asBoolean()).isTrue();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).contains("configuration[0] New-TransportRule failed");
            assertThat(simulator.tenant("broken.onmicrosoft.com")).isEmpty();
        }
    }

    @Test
    void demoTenantsStayCleanForTheLocalStack() {
        List<TenantSpec> demo = DemoTenants.specs(5);

        assertThat(demo).allMatch(t -> !t.dehydrated() && t.configuration().isEmpty() && t.createdDateTime().isBefore(CUTOFF));
        assertThat(demo).allMatch(t -> t.domains().stream().allMatch(d -> d.acceptedDomainType().equals("Authoritative")));
    }
}
