package com.trustifi.onboarding.worker.plan;

import static com.trustifi.onboarding.worker.plan.PlanDriver.finalEvent;
import static com.trustifi.onboarding.worker.plan.PlanDriver.lastByStep;
import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.simulator.CmdletInvocation;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.ExchangeState;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CallRecord;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.exchange.TransportRule;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker's plans in the test's JVM against the simulator over HTTPS: every seed step converges, repeats change
 * nothing, drift is found and repaired, throttling is respected, and each kind of command does exactly its job.
 */
@QuarkusTest
@QuarkusTestResource(SimulatedExchangeResource.class)
@QuarkusTestResource(value = LocalInfrastructureResource.class, initArgs = @ResourceArg(name = LocalInfrastructureResource.POSTGRES, value = "false"))
class ProvisioningScenarioTest extends PlanScenario {

    private static final Duration PLAN_TIMEOUT = Duration.ofSeconds(90);
    private static final String SECRET = "scenario-relay-secret-" + UUID.randomUUID();
    private static final String TEST_RECIPIENT = "relay-check@fabrikam.example";
    private static final String VENDOR_INBOUND_RULE = "Trustifi Inbound Relay";
    private static final List<String> RELAY_IPS = List.of("3.93.243.176", "3.93.139.220", "52.73.143.252", "52.54.159.237");

    @Test
    void freshTenantEndsWithEveryObjectAsTheSeedSaysAndASecondRunWritesNothing() {
        SimulatedTenant tenant = simulator.createTenant(tenant("fresh", withVendorInboundRule()));
        dns.putTxt(ExchangeState.customDomainOf(tenant), "v=spf1 include:spf.protection.outlook.com -all");

        List<StatusEvent> first = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT);

        assertThat(finalEvent(first).outcome()).as(first.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(first).anyMatch(event -> event.isAboutOnboarding() && event.outcome() == StepOutcome.PROPAGATING);
        Map<ProvisioningStep, StatusEvent> steps = lastByStep(first);
        assertThat(steps.get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.CREATED);
        assertThat(steps.get(ProvisioningStep.ENSURE_INBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.CREATED);
        assertThat(steps.get(ProvisioningStep.ENSURE_REMOTE_DOMAIN).outcome()).isEqualTo(StepOutcome.UPDATED);
        assertThat(steps.get(ProvisioningStep.ENSURE_TRANSPORT_RULE).outcome()).isEqualTo(StepOutcome.CREATED);
        assertThat(steps.get(ProvisioningStep.ENSURE_RULE_ORDER).outcome()).isEqualTo(StepOutcome.UPDATED);
        assertThat(steps.get(ProvisioningStep.CHECK_SPF).outcome()).isEqualTo(StepOutcome.WARNING);
        assertThat(steps.get(ProvisioningStep.CHECK_SPF).detail())
                .contains("publish TXT \"v=spf1 ip4:52.73.143.252 ip4:52.54.159.237 include:spf.protection.outlook.com -all\"");
        assertThat(steps.get(ProvisioningStep.VERIFY).outcome()).isEqualTo(StepOutcome.PASSED);
        assertSeedConfiguration(tenant);
        assertThat(first).noneMatch(event -> String.valueOf(event.detail()).contains(SECRET));

        Map<String, Long> writesBefore = ExchangeState.writes(tenant);
        List<StatusEvent> second = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT);

        assertThat(finalEvent(second).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(lastByStep(second).values()).extracting(StatusEvent::outcome)
                .allMatch(outcome -> List.of(StepOutcome.PASSED, StepOutcome.UNCHANGED, StepOutcome.SKIPPED, StepOutcome.WARNING)
                        .contains(outcome));
        assertThat(ExchangeState.writes(tenant)).isEqualTo(writesBefore);
        assertSeedConfiguration(tenant);
        assertThat(tenant.tokenRequests()).as("tokens are cached: one for Graph, one for Exchange").isEqualTo(2);
    }

    @Test
    void ruleEditedBehindOurBackIsReportedByVerifyAndRepairedByOnboard() {
        SimulatedTenant tenant = simulator.createTenant(tenant("drift", List.of()));
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        simulator.invokeAsAdmin(tenant.tenantId(), "Set-TransportRule",
                Map.of("Identity", "Trustifi Outbound Relay", "SetAuditSeverity", "Low", "StopRuleProcessing", false,
                        "SetHeaderValue", "an-administrators-value"));

        List<StatusEvent> verify = driver.awaitFinal(driver.send(CommandKind.VERIFY, request(tenant)), PLAN_TIMEOUT);

        StatusEvent rule = lastByStep(verify).get(ProvisioningStep.ENSURE_TRANSPORT_RULE);
        assertThat(rule.outcome()).isEqualTo(StepOutcome.DRIFTED);
        assertThat(rule.detail()).contains("SetAuditSeverity: Low -> High").contains("StopRuleProcessing: false -> true");
        assertThat(finalEvent(verify).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(finalEvent(verify).drift()).as("the final event carries the whole finding as data").containsExactlyInAnyOrder(
                new PropertyDrift("Trustifi Outbound Relay", "SetAuditSeverity", "High", "Low"),
                new PropertyDrift("Trustifi Outbound Relay", "StopRuleProcessing", "true", "false"),
                new PropertyDrift("Trustifi Outbound Relay", "SetHeaderValue", "(not shown)", "(not shown)"));
        assertThat(verify.toString()).doesNotContain(SECRET).doesNotContain("an-administrators-value");

        List<StatusEvent> repair = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT);
        assertThat(lastByStep(repair).get(ProvisioningStep.ENSURE_TRANSPORT_RULE).outcome()).isEqualTo(StepOutcome.UPDATED);
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.VERIFY, request(tenant)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        assertSeedConfiguration(tenant);
    }

    @Test
    void aWatchReadsFourCmdletsAndItsTestEmailConfirmsTheRuleOnlyOnceItIsInEffect() {
        SimulatedTenant slow = simulator.createTenant(tenant("slowrule", List.of()));
        simulator.setTransportRulePropagationDelay(Duration.ofHours(1));
        try {
            assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(slow)), PLAN_TIMEOUT)).outcome())
                    .isEqualTo(StepOutcome.SUCCEEDED);
        } finally {
            simulator.setTransportRulePropagationDelay(Duration.ZERO);
        }
        List<StatusEvent> notYet = driver.awaitFinal(driver.send(CommandKind.WATCH, request(slow).withTestRecipient(TEST_RECIPIENT)), PLAN_TIMEOUT);
        assertThat(lastByStep(notYet).get(ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.NOT_PROPAGATED);
        assertThat(finalEvent(notYet).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(finalEvent(notYet).detail()).contains("the rule is not in effect yet");
        assertThat(finalEvent(notYet).drift()).isNull();

        SimulatedTenant quick = simulator.createTenant(tenant("quickrule", List.of()));
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(quick)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        List<StatusEvent> confirmed = driver.awaitFinal(driver.send(CommandKind.WATCH, request(quick).withTestRecipient(TEST_RECIPIENT)),
                PLAN_TIMEOUT);
        assertThat(finalEvent(confirmed).outcome()).as(confirmed.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(lastByStep(confirmed).get(ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR).detail()).contains("the rule is in effect");

        Map<String, CmdletCount> before = Map.copyOf(quick.cmdletCounts());
        List<StatusEvent> routine = driver.awaitFinal(driver.send(CommandKind.WATCH, request(quick)), PLAN_TIMEOUT);
        assertThat(finalEvent(routine).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        Map<String, Long> calls = new LinkedHashMap<>();
        quick.cmdletCounts().forEach((cmdlet, count) -> {
            long made = count.calls() - (before.containsKey(cmdlet) ? before.get(cmdlet).calls() : 0);
            if (made > 0) {
                calls.put(cmdlet, made);
            }
        });
        assertThat(calls).as("a routine check reads each object the relay owns once, and writes nothing").isEqualTo(Map.of(
                "Get-OutboundConnector", 1L, "Get-InboundConnector", 1L, "Get-RemoteDomain", 1L, "Get-TransportRule", 1L));

        // an administrator removes the rule, which frees the connector to be disabled: the confirming check reports
        // that drift, not a failed validation
        simulator.invokeAsAdmin(quick.tenantId(), "Remove-TransportRule", Map.of("Identity", "Trustifi Outbound Relay"));
        simulator.invokeAsAdmin(quick.tenantId(), "Set-OutboundConnector", Map.of("Identity", "Trustifi Outbound Connector (Send)",
                "Enabled", false));
        List<StatusEvent> drifted = driver.awaitFinal(driver.send(CommandKind.WATCH, request(quick).withTestRecipient(TEST_RECIPIENT)),
                PLAN_TIMEOUT);
        assertThat(lastByStep(drifted).get(ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.NOT_PROPAGATED);
        assertThat(finalEvent(drifted).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(finalEvent(drifted).drift()).extracting(PropertyDrift::property).contains("Enabled", PropertyDrift.WHOLE_OBJECT);
    }

    @Test
    void planOnAFreshTenantListsEveryChangeAndWritesNothing() {
        SimulatedTenant tenant = simulator.createTenant(tenant("plan", withVendorInboundRule()));

        List<StatusEvent> plan = driver.awaitFinal(driver.send(CommandKind.PLAN, request(tenant)), PLAN_TIMEOUT);

        assertThat(finalEvent(plan).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        Map<ProvisioningStep, StatusEvent> steps = lastByStep(plan);
        assertThat(steps.get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.WOULD_CREATE);
        assertThat(steps.get(ProvisioningStep.ENSURE_INBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.WOULD_CREATE);
        assertThat(steps.get(ProvisioningStep.ENSURE_REMOTE_DOMAIN).outcome()).isEqualTo(StepOutcome.WOULD_UPDATE);
        assertThat(steps.get(ProvisioningStep.ENSURE_TRANSPORT_RULE).outcome()).isEqualTo(StepOutcome.WOULD_CREATE);
        assertThat(steps.get(ProvisioningStep.ENSURE_TRANSPORT_RULE).detail()).doesNotContain(SECRET).contains("SetHeaderValue=(not shown)");
        assertThat(steps.get(ProvisioningStep.ENSURE_RULE_ORDER).outcome()).isEqualTo(StepOutcome.WOULD_UPDATE);
        assertThat(ExchangeState.writes(tenant).values()).allMatch(count -> count == 0);
    }

    @Test
    void offboardLeavesTheTenantAsItWasBeforeOnboarding() {
        SimulatedTenant tenant = simulator.createTenant(tenant("offboard", withVendorInboundRule()));
        var before = ExchangeState.of(tenant);

        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(ExchangeState.of(tenant)).isNotEqualTo(before);
        List<StatusEvent> offboard = driver.awaitFinal(driver.send(CommandKind.OFFBOARD, request(tenant)), PLAN_TIMEOUT);

        assertThat(finalEvent(offboard).outcome()).as(offboard.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(ExchangeState.of(tenant)).isEqualTo(before);
    }

    @Test
    void aConnectorOfTheRelaysNameWithRecipientDomainsIsScopedToTheRuleInOneCall() {
        // Exchange refuses a rule-scoped connector that keeps RecipientDomains: both change together, or neither
        SimulatedTenant tenant = simulator.createTenant(tenant("scoped", List.of(new CmdletInvocation("New-OutboundConnector",
                Map.of("Name", "Trustifi Outbound Connector (Send)", "ConnectorType", "OnPremises", "UseMXRecord", false,
                        "SmartHosts", List.of("smtp.trustifi.com"), "IsTransportRuleScoped", false,
                        "RecipientDomains", List.of("partner.example"))))));

        List<StatusEvent> events = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT);

        assertThat(finalEvent(events).outcome()).as(events.toString()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(lastByStep(events).get(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR).outcome()).isEqualTo(StepOutcome.UPDATED);
        var connector = tenant.outboundConnectors().get(0);
        assertThat(connector.isTransportRuleScoped()).isTrue();
        assertThat(connector.recipientDomains()).isEmpty();
    }

    @Test
    void rotateSecretChangesOnlyTheHeaderValue() {
        SimulatedTenant tenant = simulator.createTenant(tenant("rotate", List.of()));
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        var before = ExchangeState.of(tenant);
        String rotated = "rotated-" + UUID.randomUUID();

        List<StatusEvent> rotation = driver.awaitFinal(driver.send(CommandKind.ROTATE_SECRET,
                request(tenant).withRelaySecret(rotated)), PLAN_TIMEOUT);

        assertThat(finalEvent(rotation).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(rotation).noneMatch(event -> String.valueOf(event.detail()).contains(rotated));
        TransportRule rule = tenant.transportRules().get(0);
        assertThat(rule.setHeaderValue()).isEqualTo(rotated);
        var after = ExchangeState.of(tenant);
        assertThat(withoutRuleHeaderValue(after)).isEqualTo(withoutRuleHeaderValue(before));
    }

    @Test
    void eachRefusalEndsWithItsOwnReasonAndPermanentOnesAreNotRetried() {
        String relayDomain = "relay" + shortId() + ".example";
        SimulatedTenant internalRelay = simulator.createTenant(new TenantSpec(UUID.randomUUID().toString(),
                "ir" + shortId() + ".onmicrosoft.com", "Internal Relay AG", OffsetDateTime.parse("2020-01-01T00:00:00Z"),
                List.of(new DomainSpec(relayDomain, true, true, List.of("Email"), "InternalRelay"))));
        SimulatedTenant dehydrated = simulator.createTenant(new TenantSpec(UUID.randomUUID().toString(), "dh" + shortId() + ".onmicrosoft.com",
                "Dehydrated Ltd", OffsetDateTime.parse("2021-01-01T00:00:00Z"),
                List.of(DomainSpec.verifiedEmailDomain("dh" + shortId() + ".example", true)), true, List.of()));
        SimulatedTenant noRole = simulator.createTenant(tenant("norole", List.of()));
        simulator.setTenantFaults(noRole.tenantId(), FaultProfile.NONE.withNoExchangeRole(true));

        StatusEvent internalRelayResult = finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD,
                PlanDriver.Request.of(internalRelay.tenantId(), relayDomain, SECRET)), PLAN_TIMEOUT));
        List<StatusEvent> dehydratedEvents = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(dehydrated)), PLAN_TIMEOUT);
        StatusEvent noRoleResult = finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(noRole)), PLAN_TIMEOUT));

        assertThat(internalRelayResult.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(internalRelayResult.detail()).contains(relayDomain + " (InternalRelay)").contains("not synced with Office 365");
        assertThat(internalRelayResult.remediation()).contains("Authoritative");
        assertThat(lastByStep(dehydratedEvents).get(ProvisioningStep.CHECK_TENANT).detail()).contains("enabled organization customization");
        assertThat(finalEvent(dehydratedEvents).outcome()).isEqualTo(StepOutcome.SUCCEEDED);
        assertThat(dehydrated.organizationConfig().isDehydrated()).isFalse();
        assertThat(noRoleResult.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(noRoleResult.remediation()).contains("Exchange Administrator role");
        assertThat(noRoleResult.retryable()).isFalse();
        assertThat(noRole.cmdletCounts().values().stream().mapToLong(CmdletCount::calls).sum())
                .as("a permanent refusal is not retried").isEqualTo(1);
    }

    @Test
    void anAmbiguousWriteNeverLeadsToADuplicateObject() {
        SimulatedTenant tenant = simulator.createTenant(tenant("ambiguous", List.of()));
        simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withAmbiguousWriteRate(0.5));

        List<StatusEvent> events = driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT);
        simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE);

        assertThat(tenant.outboundConnectors()).hasSize(1);
        assertThat(tenant.inboundConnectors()).hasSize(1);
        assertThat(tenant.transportRules()).hasSize(1);
        if (finalEvent(events).outcome() == StepOutcome.SUCCEEDED) {
            assertSeedConfiguration(tenant);
        } else {
            assertThat(finalEvent(events).retryable()).as(events.toString()).isTrue();
        }
        assertThat(finalEvent(driver.awaitFinal(driver.send(CommandKind.ONBOARD, request(tenant)), PLAN_TIMEOUT)).outcome())
                .isEqualTo(StepOutcome.SUCCEEDED);
        assertSeedConfiguration(tenant);
    }

    @Test
    void twoHundredThrottledTenantsAllSucceedWithinTheirLimits() {
        List<SimulatedTenant> tenants = IntStream.range(0, 200).mapToObj(i -> simulator.createTenant(tenant("bulk" + i, List.of()))).toList();
        tenants.forEach(tenant -> simulator.setTenantFaults(tenant.tenantId(),
                FaultProfile.NONE.withThrottling(0.20, 1).withUnavailableRate(0.05)));
        // a few tenants also get concurrent checks, so that their calls compete for the per-tenant cap
        List<SimulatedTenant> crowded = tenants.subList(0, 5);

        Map<UUID, SimulatedTenant> onboardings = new LinkedHashMap<>();
        tenants.forEach(tenant -> onboardings.put(driver.send(CommandKind.ONBOARD, request(tenant)), tenant));
        List<UUID> extra = new ArrayList<>();
        crowded.forEach(tenant -> IntStream.range(0, 4).forEach(i -> extra.add(driver.send(CommandKind.VERIFY, request(tenant)))));

        onboardings.forEach((id, tenant) -> assertThat(finalEvent(driver.awaitFinal(id, Duration.ofMinutes(5))).outcome())
                .as(tenant.tenantId()).isEqualTo(StepOutcome.SUCCEEDED));
        extra.forEach(id -> driver.awaitFinal(id, Duration.ofMinutes(5)));
        tenants.forEach(tenant -> simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE));

        tenants.forEach(ProvisioningScenarioTest::assertSeedConfiguration);
        assertThat(tenants).allSatisfy(tenant -> assertThat(tenant.maxInFlight()).as(tenant.tenantId()).isLessThanOrEqualTo(3));
        assertThat(tenants.stream().mapToLong(tenant -> tenant.cmdletCounts().values().stream().mapToLong(CmdletCount::faults).sum()).sum())
                .as("faults were injected").isGreaterThan(100);
        tenants.stream().filter(tenant -> !crowded.contains(tenant)).forEach(ProvisioningScenarioTest::assertRetryAfterRespected);
    }

    private static void assertRetryAfterRespected(SimulatedTenant tenant) {
        List<CallRecord> calls = tenant.callLog();
        for (int i = 0; i < calls.size() - 1; i++) {
            CallRecord call = calls.get(i);
            if (call.retryAfterSeconds() != null) {
                CallRecord next = calls.get(i + 1);
                assertThat(Duration.between(call.arrivedAt(), next.arrivedAt()))
                        .as("%s: %s after a Retry-After of %ds", tenant.tenantId(), next.cmdlet(), call.retryAfterSeconds())
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(call.retryAfterSeconds()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertSeedConfiguration(SimulatedTenant tenant) {
        assertThat(tenant.outboundConnectors()).singleElement().satisfies(connector -> {
            Map<String, Object> object = connector.toExchangeObject();
            assertThat(object).containsEntry("Name", "Trustifi Outbound Connector (Send)")
                    .containsEntry("ConnectorType", "OnPremises")
                    .containsEntry("SmartHosts", List.of("smtp.trustifi.com"))
                    .containsEntry("TlsSettings", "DomainValidation")
                    .containsEntry("TlsDomain", "*.trustifi.com")
                    .containsEntry("IsTransportRuleScoped", true)
                    .containsEntry("UseMXRecord", false)
                    .containsEntry("Enabled", true);
        });
        assertThat(tenant.inboundConnectors()).singleElement().satisfies(connector -> {
            Map<String, Object> object = connector.toExchangeObject();
            assertThat(object).containsEntry("Name", "Trustifi Inbound Connector (Receive)")
                    .containsEntry("ConnectorType", "OnPremises")
                    .containsEntry("SenderDomains", List.of("smtp:*;1"))
                    .containsEntry("CloudServicesMailEnabled", true)
                    .containsEntry("Enabled", true);
            assertThat((List<Object>) object.get("SenderIPAddresses")).containsExactlyInAnyOrderElementsOf(RELAY_IPS);
        });
        Map<String, Object> remoteDomain = tenant.remoteDomain("Default").orElseThrow().toExchangeObject();
        assertThat(remoteDomain).containsEntry("TNEFEnabled", false)
                .containsEntry("CharacterSet", "utf-8")
                .containsEntry("NonMimeCharacterSet", "utf-8")
                .containsEntry("AllowedOOFType", "ExternalLegacy");
        List<TransportRule> rules = tenant.transportRules();
        TransportRule rule = rules.stream().filter(candidate -> candidate.name().equals("Trustifi Outbound Relay")).findFirst().orElseThrow();
        Map<String, Object> object = rule.toExchangeObject(rules.indexOf(rule));
        assertThat(object).containsEntry("SenderDomainIs", List.of(ExchangeState.customDomainOf(tenant)))
                .containsEntry("FromScope", "InOrganization")
                .containsEntry("RouteMessageOutboundConnector", "Trustifi Outbound Connector (Send)")
                .containsEntry("SetHeaderName", "x-trustifi-creds")
                .containsEntry("SetHeaderValue", SECRET)
                .containsEntry("SetAuditSeverity", "High")
                .containsEntry("StopRuleProcessing", true)
                .containsEntry("RuleErrorAction", "Defer")
                .containsEntry("SenderAddressLocation", "HeaderOrEnvelope")
                .containsEntry("Mode", "Enforce")
                .containsEntry("State", "Enabled");
        assertThat((List<Object>) object.get("ExceptIfSenderIpRanges")).containsExactlyInAnyOrderElementsOf(RELAY_IPS);
        rules.stream().filter(candidate -> candidate.name().equals(VENDOR_INBOUND_RULE)).findFirst()
                .ifPresent(vendor -> assertThat(rules.indexOf(rule)).isLessThan(rules.indexOf(vendor)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutRuleHeaderValue(Map<String, Object> state) {
        Map<String, Object> copy = new LinkedHashMap<>(state);
        copy.put("rules", ((List<Map<String, Object>>) state.get("rules")).stream().map(rule -> {
            Map<String, Object> withoutValue = new LinkedHashMap<>(rule);
            withoutValue.remove("SetHeaderValue");
            return withoutValue;
        }).toList());
        return copy;
    }

    private static PlanDriver.Request request(SimulatedTenant tenant) {
        return PlanDriver.Request.of(tenant.tenantId(), ExchangeState.customDomainOf(tenant), SECRET);
    }

    private static TenantSpec tenant(String label, List<CmdletInvocation> configuration) {
        String id = shortId();
        return new TenantSpec(UUID.randomUUID().toString(), label + id + ".onmicrosoft.com", "Société " + label + " " + id,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(label + id + ".example", true)),
                false, configuration);
    }

    /** An existing inbound relay rule of the vendor's, at the top, as seed step 46 expects to find it. */
    private static List<CmdletInvocation> withVendorInboundRule() {
        return List.of(
                new CmdletInvocation("New-TransportRule", Map.of("Name", VENDOR_INBOUND_RULE, "FromScope", "NotInOrganization",
                        "SetHeaderName", "x-trustifi-inbound", "SetHeaderValue", "inbound")),
                new CmdletInvocation("New-TransportRule", Map.of("Name", "Company disclaimer", "FromScope", "InOrganization",
                        "Comments", "not the relay's")));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
