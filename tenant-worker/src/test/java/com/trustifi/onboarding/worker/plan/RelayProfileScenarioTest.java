package com.trustifi.onboarding.worker.plan;

import static com.trustifi.onboarding.worker.plan.PlanDriver.finalEvent;
import static com.trustifi.onboarding.worker.plan.PlanDriver.lastByStep;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.ExchangeState;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantPopulation;
import com.trustifi.onboarding.simulator.TenantSpec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two relay profiles through the worker's plans, in the test's JVM: a newer tenant gets ALL_TENANTS (a Partner connector,
 * no inbound connector, the domain-verification records checked in DNS), an older one OLDER_TENANT, and switching a
 * tenant from one to the other is a plan like any other that offboarding undoes.
 */
@QuarkusTest
@QuarkusTestResource(SimulatedExchangeResource.class)
@QuarkusTestResource(value = LocalInfrastructureResource.class, initArgs = @ResourceArg(name = LocalInfrastructureResource.POSTGRES, value = "false"))
class RelayProfileScenarioTest extends PlanScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SECRET = "profile-relay-secret-" + UUID.randomUUID();

    @Test
    void aNewerTenantGetsThePartnerConnectorAndIsToldWhichRecordsToPublish() {
        SimulatedTenant tenant = simulator.createTenant(tenant("newer", "2024-05-01T00:00:00Z"));
        String domain = ExchangeState.customDomainOf(tenant);
        List<DnsRecord> records = recordsFor(domain);
        PlanDriver.Request request = request(tenant).withDomainRecords(records);

        List<StatusEvent> events = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request), TIMEOUT);

        assertThat(finalEvent(events).outcome()).as(events.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        Map<ProvisioningStep, StatusEvent> steps = lastByStep(events);
        StatusEvent check = steps.get(ProvisioningStep.CHECK_TENANT);
        assertThat(check.profile()).isEqualTo(RelayProfileName.ALL_TENANTS);
        assertThat(check.detail()).contains("Profile ALL_TENANTS (tenant created 2024-05-01)");
        assertThat(tenant.outboundConnectors()).singleElement().satisfies(connector ->
                assertThat(connector.toExchangeObject()).containsEntry("ConnectorType", "Partner")
                        .containsEntry("SmartHosts", List.of("smtp.trustifi.com"))
                        .containsEntry("TlsSettings", "DomainValidation")
                        .containsEntry("TlsDomain", "*.trustifi.com")
                        .containsEntry("IsTransportRuleScoped", true));
        assertThat(tenant.inboundConnectors()).as("the relay delivers itself: nothing comes back to relay").isEmpty();
        assertThat(tenant.transportRules()).anySatisfy(rule -> assertThat(rule.toExchangeObject(0))
                .containsEntry("RouteMessageOutboundConnector", "Trustifi Outbound Connector (Send)")
                .containsEntry("SetHeaderName", "x-trustifi-creds"));
        assertThat(steps.get(ProvisioningStep.CHECK_SPF).outcome()).isEqualTo(StepOutcome.SKIPPED);
        StatusEvent verification = steps.get(ProvisioningStep.CHECK_DOMAIN_VERIFICATION);
        assertThat(verification.outcome()).isEqualTo(StepOutcome.WARNING);
        assertThat(verification.detail()).contains("6 of 6 domain-verification records are not published")
                .contains("MX bounce." + domain + " \"10 feedback-smtp.us-east-1.amazonses.com\"");
        assertThat(verification.dnsRecords()).extracting(DnsRecordCheck::record).containsExactlyElementsOf(records);
        assertThat(verification.dnsRecords()).noneMatch(DnsRecordCheck::published);

        // the partner publishes them; one still carries a typo
        records.forEach(record -> dns.put(record.type(), record.name(), record.value()));
        dns.putTxt("_amazonses." + domain, "a-token-with-a-typo");
        List<StatusEvent> verify = driver.awaitFinal(driver.send(CommandKind.VERIFY, request), TIMEOUT);

        assertThat(finalEvent(verify).outcome()).as(verify.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        StatusEvent checked = lastByStep(verify).get(ProvisioningStep.CHECK_DOMAIN_VERIFICATION);
        assertThat(checked.detail()).startsWith("1 of 6 domain-verification records are not published: TXT _amazonses." + domain);
        assertThat(checked.dnsRecords()).filteredOn(DnsRecordCheck::published).hasSize(5);
        assertThat(verify).noneMatch(event -> String.valueOf(event.detail()).contains(SECRET));
    }

    @Test
    void switchingAnOlderTenantToAllTenantsIsPlannedConvergedAndUndoneByOffboarding() {
        SimulatedTenant tenant = simulator.createTenant(tenant("switch", "2019-06-01T00:00:00Z"));
        Map<String, Object> before = ExchangeState.of(tenant);
        List<StatusEvent> older = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), TIMEOUT);
        assertThat(lastByStep(older).get(ProvisioningStep.CHECK_TENANT).profile()).isEqualTo(RelayProfileName.OLDER_TENANT);
        assertThat(finalEvent(older).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(tenant.inboundConnectors()).hasSize(1);
        Map<String, Long> writesBefore = ExchangeState.writes(tenant);
        PlanDriver.Request toAllTenants = request(tenant).withProfile(RelayProfileName.ALL_TENANTS)
                .withDomainRecords(recordsFor(ExchangeState.customDomainOf(tenant)));

        Map<ProvisioningStep, StatusEvent> plan = lastByStep(driver.awaitFinal(driver.send(CommandKind.PLAN, toAllTenants), TIMEOUT));

        assertThat(plan.get(ProvisioningStep.CHECK_TENANT).detail()).contains("Profile ALL_TENANTS (named by the partner");
        assertThat(plan.get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.WOULD_UPDATE);
        assertThat(plan.get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).detail()).contains("ConnectorType: OnPremises -> Partner");
        assertThat(plan.get(ProvisioningStep.ENSURE_INBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.WOULD_REMOVE);
        assertThat(plan.get(ProvisioningStep.ENSURE_TRANSPORT_RULE).outcome()).isEqualTo(StepOutcome.UNCHANGED);
        assertThat(ExchangeState.writes(tenant)).as("a plan writes nothing").isEqualTo(writesBefore);

        List<StatusEvent> switched = driver.awaitFinal(driver.send(CommandKind.ONBOARD, toAllTenants), TIMEOUT);

        assertThat(finalEvent(switched).outcome()).as(switched.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(lastByStep(switched).get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.UPDATED);
        assertThat(lastByStep(switched).get(ProvisioningStep.ENSURE_INBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.REMOVED);
        assertThat(tenant.outboundConnectors()).singleElement()
                .satisfies(connector -> assertThat(connector.toExchangeObject()).containsEntry("ConnectorType", "Partner"));
        assertThat(tenant.inboundConnectors()).isEmpty();
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.VERIFY, toAllTenants), TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);

        List<StatusEvent> offboard = driver.awaitFinal(driver.send(CommandKind.OFFBOARD, toAllTenants), TIMEOUT);

        assertThat(finalEvent(offboard).outcome()).as(offboard.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(ExchangeState.of(tenant)).as("the remote domain values saved by the first profile survive the switch")
                .isEqualTo(before);
    }

    @Test
    void anOlderTenantNamedForTheOlderGuideAfterItsCutoffIsToldSoButConfigured() {
        SimulatedTenant tenant = simulator.createTenant(tenant("forced", "2025-02-01T00:00:00Z"));

        List<StatusEvent> events = driver.awaitFinal(driver.send(CommandKind.ONBOARD,
                request(tenant).withProfile(RelayProfileName.OLDER_TENANT)), TIMEOUT);

        assertThat(finalEvent(events).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        StatusEvent check = lastByStep(events).get(ProvisioningStep.CHECK_TENANT);
        assertThat(check.profile()).isEqualTo(RelayProfileName.OLDER_TENANT);
        assertThat(check.detail()).contains("named by the partner; tenant created 2025-02-01, after the 2023-01-01");
        assertThat(tenant.outboundConnectors()).singleElement()
                .satisfies(connector -> assertThat(connector.toExchangeObject()).containsEntry("ConnectorType", "OnPremises"));
        assertThat(tenant.inboundConnectors()).hasSize(1);
        assertThat(lastByStep(events).get(ProvisioningStep.CHECK_DOMAIN_VERIFICATION).outcome()).isEqualTo(StepOutcome.SKIPPED);
    }

    @Test
    void aMixedPopulationGetsEachTenantItsProfileLeavesEveryoneElsesObjectsAloneAndOffboardsToWhereItWas() {
        // tenants as varied as real customers: old and new, dehydrated, with other vendors' connectors and rules
        List<TenantSpec> population = TenantPopulation.generate(60, 7).stream()
                .filter(spec -> spec.domains().get(0).acceptedDomainType().equals("Authoritative"))
                .limit(24).toList();
        assertThat(population).as("the sample has what the scenario is about")
                .anyMatch(spec -> spec.createdDateTime().isBefore(RelayProfileName.OLDER_TENANT_CUTOFF))
                .anyMatch(spec -> !spec.createdDateTime().isBefore(RelayProfileName.OLDER_TENANT_CUTOFF))
                .anyMatch(TenantSpec::dehydrated)
                .anyMatch(spec -> spec.configuration().stream().anyMatch(step -> step.cmdletName().equals("New-OutboundConnector")))
                .anyMatch(spec -> spec.configuration().stream().anyMatch(step -> step.cmdletName().equals("New-TransportRule")));
        List<SimulatedTenant> tenants = population.stream().map(simulator::createTenant).toList();
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        Map<String, Map<String, Object>> foreignBefore = new LinkedHashMap<>();
        tenants.forEach(tenant -> {
            before.put(tenant.tenantId(), ExchangeState.of(tenant));
            foreignBefore.put(tenant.tenantId(), foreignObjects(tenant));
        });

        assertThat(foreignBefore.values()).as("other companies' connectors are there to be left alone")
                .anyMatch(objects -> objects.keySet().stream().anyMatch(key -> key.startsWith("outbound ")))
                .anyMatch(objects -> objects.keySet().stream().anyMatch(key -> key.startsWith("inbound ")));
        Map<SimulatedTenant, UUID> onboardings = new LinkedHashMap<>();
        tenants.forEach(tenant -> onboardings.put(tenant, driver.send(CommandKind.ONBOARD,
                request(tenant).withDomainRecords(recordsFor(ExchangeState.customDomainOf(tenant))))));

        onboardings.forEach((tenant, onboarding) -> {
            List<StatusEvent> events = driver.awaitFinal(onboarding, TIMEOUT);
            assertThat(finalEvent(events).outcome()).as(tenant.displayName() + ": " + events).isEqualTo(StepOutcome.SUCCEEDED);
            boolean older = tenant.createdDateTime().isBefore(RelayProfileName.OLDER_TENANT_CUTOFF);
            assertThat(lastByStep(events).get(ProvisioningStep.CHECK_TENANT).profile())
                    .isEqualTo(older ? RelayProfileName.OLDER_TENANT : RelayProfileName.ALL_TENANTS);
            assertThat(ours(tenant.outboundConnectors().stream().map(c -> c.toExchangeObject()).toList(),
                    "Trustifi Outbound Connector (Send)")).singleElement()
                    .satisfies(connector -> assertThat(connector).containsEntry("ConnectorType", older ? "OnPremises" : "Partner"));
            assertThat(ours(tenant.inboundConnectors().stream().map(c -> c.toExchangeObject()).toList(),
                    "Trustifi Inbound Connector (Receive)")).hasSize(older ? 1 : 0);
            assertThat(foreignObjects(tenant)).as(tenant.displayName() + ": other companies' objects").isEqualTo(foreignBefore.get(tenant.tenantId()));
        });

        Map<SimulatedTenant, UUID> offboardings = new LinkedHashMap<>();
        tenants.forEach(tenant -> offboardings.put(tenant, driver.send(CommandKind.OFFBOARD, request(tenant))));
        offboardings.forEach((tenant, offboarding) -> {
            List<StatusEvent> events = driver.awaitFinal(offboarding, TIMEOUT);
            assertThat(finalEvent(events).outcome()).as(tenant.displayName() + ": " + events).isEqualTo(StepOutcome.SUCCEEDED);
            assertThat(ExchangeState.of(tenant)).as(tenant.displayName()).isEqualTo(before.get(tenant.tenantId()));
        });
    }

    private static final List<String> OUR_OBJECTS = List.of("Trustifi Outbound Connector (Send)",
            "Trustifi Inbound Connector (Receive)", "Trustifi Outbound Relay");

    /**
     * Every object that is not the relay's, as Get- shows it. A rule's priority is left out: putting our rule above the
     * vendor's inbound rule (seed step 46) moves the rules below it down by one; their order is compared instead.
     */
    private static Map<String, Object> foreignObjects(SimulatedTenant tenant) {
        Map<String, Object> foreign = new LinkedHashMap<>();
        tenant.outboundConnectors().stream().map(c -> ExchangeState.stable(c.toExchangeObject()))
                .filter(object -> !OUR_OBJECTS.contains(object.get("Name"))).forEach(object -> foreign.put("outbound " + object.get("Name"), object));
        tenant.inboundConnectors().stream().map(c -> ExchangeState.stable(c.toExchangeObject()))
                .filter(object -> !OUR_OBJECTS.contains(object.get("Name"))).forEach(object -> foreign.put("inbound " + object.get("Name"), object));
        var rules = tenant.transportRules();
        List<Object> order = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Object> rule = ExchangeState.stable(rules.get(i).toExchangeObject(i));
            if (!OUR_OBJECTS.contains(rule.get("Name"))) {
                rule.keySet().removeIf(key -> key.startsWith("Priority"));
                foreign.put("rule " + rule.get("Name"), rule);
                order.add(rule.get("Name"));
            }
        }
        foreign.put("rule order", order);
        return foreign;
    }

    private static List<Map<String, Object>> ours(List<Map<String, Object>> objects, String name) {
        return objects.stream().filter(object -> name.equals(object.get("Name"))).toList();
    }

    /** The shapes the API's relay account gives a domain (docs/relay-profiles.md: inferred from Amazon SES). */
    static List<DnsRecord> recordsFor(String domain) {
        return List.of(
                new DnsRecord("identity", "TXT", "_amazonses." + domain, "dG9rZW4tZm9yLQ==" + domain.length()),
                new DnsRecord("dkim", "CNAME", "k1._domainkey." + domain, "k1.dkim.amazonses.com"),
                new DnsRecord("dkim", "CNAME", "k2._domainkey." + domain, "k2.dkim.amazonses.com"),
                new DnsRecord("dkim", "CNAME", "k3._domainkey." + domain, "k3.dkim.amazonses.com"),
                new DnsRecord("mail-from", "MX", "bounce." + domain, "10 feedback-smtp.us-east-1.amazonses.com"),
                new DnsRecord("mail-from", "TXT", "bounce." + domain, "v=spf1 include:amazonses.com ~all"));
    }

    private static PlanDriver.Request request(SimulatedTenant tenant) {
        return PlanDriver.Request.of(tenant.tenantId(), ExchangeState.customDomainOf(tenant), SECRET);
    }

    private static TenantSpec tenant(String label, String created) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new TenantSpec(UUID.randomUUID().toString(), label + id + ".onmicrosoft.com", "Profile " + label + " " + id,
                OffsetDateTime.parse(created), List.of(DomainSpec.verifiedEmailDomain(label + id + ".example", true)),
                false, List.of());
    }
}
