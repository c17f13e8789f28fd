package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant ownership over the real stack: a tenant is onboarded only by the partner its administrator
 * connected it to, through the simulator's admin-consent page, and every refusal from Entra or
 * Exchange ends with a reason a person can act on, before any Exchange write.
 */
class TenantOwnershipEndToEndTest {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("ownership-local-stack"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onlyThePartnerTheAdministratorConsentedToCanOnboardAndTheOtherCausesNoExchangeCall() throws Exception {
        PartnerPortal a = PartnerPortal.signUp(stack, "Partner A");
        PartnerPortal b = PartnerPortal.signUp(stack, "Partner B");
        SimulatedTenant tenant = newCustomer("Northwind");
        String domain = domainOf(tenant);
        String accountOfA = a.relayAccount(domain);
        String accountOfB = b.relayAccount(domain);

        // nobody has connected it yet: neither partner may onboard it
        a.onboard(tenant.tenantId(), accountOfA, domain).then().statusCode(403).body("type", equalTo("/problems/tenant-not-connected"));
        assertThat(tenant.tokenRequests()).isZero();
        a.client().connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());
        assertThat(tenant.appConsent()).isEqualTo(AppConsent.GRANTED);
        assertThat(a.awaitCheck(tenant.tenantId()).getString("status")).isEqualTo("READY");
        long tokensAfterCheck = tenant.tokenRequests();
        long callsAfterCheck = calls(tenant);

        b.onboard(tenant.tenantId(), accountOfB, domain).then().statusCode(403).body("type", equalTo("/problems/tenant-not-connected"));
        b.request().body(Map.of("relayAccountId", accountOfB, "rows", List.of(Map.of("tenantId", tenant.tenantId(),
                "relayDomains", List.of(domain))))).post("/v1/batches").then().statusCode(422);
        Thread.sleep(2_000);
        assertThat(tenant.tokenRequests()).isEqualTo(tokensAfterCheck);
        assertThat(calls(tenant)).isEqualTo(callsAfterCheck);
        assertThat(writes(tenant)).isZero();

        String location = a.onboard(tenant.tenantId(), accountOfA, domain).then().statusCode(202).extract().header("Location");
        assertThat(a.awaitTerminal(location).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(tenant.transportRules()).hasSize(1);
        assertThat(a.awaitCheck(tenant.tenantId()).getString("status")).isEqualTo("READY");
    }

    @Test
    void theCheckAfterConsentReportsAMissingExchangeRoleWithWhatTheAdministratorMustDo() throws Exception {
        PartnerPortal partner = PartnerPortal.signUp(stack, "Partner E");
        SimulatedTenant tenant = newCustomer("Consent Without Role");
        tenant.exchangeRoleAssigned(false);

        partner.client().connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());

        JsonPath check = partner.awaitCheck(tenant.tenantId());
        assertThat(check.getString("status")).isEqualTo("ACTION_NEEDED");
        assertThat(check.getString("remediation")).contains("assign the Exchange Administrator role to the onboarding app");
        assertThat(writes(tenant)).isZero();

        tenant.exchangeRoleAssigned(true);
        partner.request().post("/v1/tenant-connections/" + tenant.tenantId() + "/check").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "READY".equals(partner.check(tenant.tenantId()).getString("status")));
    }

    @Test
    void relayDomainsTheTenantHasNotVerifiedAreRefusedBeforeAnyExchangeWrite() throws Exception {
        PartnerPortal partner = PartnerPortal.signUp(stack, "Partner C");
        String id = UUID.randomUUID().toString();
        String unverified = "pending" + id.substring(0, 8) + ".example";
        SimulatedTenant tenant = stack.simulator().createTenant(new TenantSpec(id, "contoso" + id.substring(0, 8) + ".onmicrosoft.com",
                "Contoso", OffsetDateTime.parse("2021-03-04T10:00:00Z"),
                List.of(new DomainSpec(unverified, false, false, List.of("Email"), "Authoritative"))));
        partner.client().connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());

        String location = partner.onboard(tenant.tenantId(), partner.relayAccount(unverified), unverified)
                .then().statusCode(202).extract().header("Location");

        JsonPath result = partner.awaitTerminal(location);
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getString("detail")).isEqualTo(unverified + " is not verified");
        assertThat(result.getString("remediation")).contains("add and verify each relay domain");
        assertThat(writes(tenant)).isZero();
    }

    @Test
    void eachRefusalFromEntraOrExchangeEndsWithItsOwnActionableReason() throws Exception {
        PartnerPortal partner = PartnerPortal.signUp(stack, "Partner D");
        SimulatedTenant removedApp = connected(partner, newCustomer("Removed App"));
        removedApp.appConsent(AppConsent.NEVER_GRANTED);
        SimulatedTenant revoked = connected(partner, newCustomer("Revoked Consent"));
        revoked.appConsent(AppConsent.REVOKED);
        SimulatedTenant noRole = connected(partner, newCustomer("No Exchange Role"));
        noRole.exchangeRoleAssigned(false);

        Map<String, String> locations = new LinkedHashMap<>();
        for (SimulatedTenant tenant : List.of(removedApp, revoked, noRole)) {
            locations.put(tenant.tenantId(), partner.onboard(tenant.tenantId(), partner.relayAccount(domainOf(tenant)), domainOf(tenant))
                    .then().statusCode(202).extract().header("Location"));
        }

        Map<String, JsonPath> results = new LinkedHashMap<>();
        locations.forEach((tenant, location) -> results.put(tenant, partner.awaitTerminal(location)));

        assertFailed(results.get(removedApp.tenantId()), "(AADSTS7000229)", "new connect link");
        assertFailed(results.get(revoked.tenantId()), "(AADSTS65001)", "new connect link");
        assertFailed(results.get(noRole.tenantId()), "Get-OrganizationConfig failed", "assign the Exchange Administrator role");
        for (SimulatedTenant tenant : List.of(removedApp, revoked, noRole)) {
            assertThat(writes(tenant)).as(tenant.displayName()).isZero();
        }
        // the app never worked in these tenants since their connection (its check failed too), so Entra's refusal is
        // not taken for a withdrawn consent: the connections stay, and say what to do (ConsentWithdrawnTest marks one)
        for (SimulatedTenant tenant : List.of(removedApp, revoked, noRole)) {
            assertThat(partner.connectionStatus(tenant.tenantId())).as(tenant.displayName()).isEqualTo("CONNECTED");
        }
    }

    private static void assertFailed(JsonPath result, String detail, String remediation) {
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getString("detail")).contains(detail).doesNotContain("Unexpected failure");
        assertThat(result.getString("remediation")).contains(remediation).isNotEqualTo("Retry the onboarding");
        assertThat(result.getBoolean("retryable")).isFalse();
    }

    private static SimulatedTenant connected(PartnerPortal partner, SimulatedTenant tenant) throws Exception {
        partner.connect(tenant.tenantId());
        return tenant;
    }

    private static long calls(SimulatedTenant tenant) {
        return tenant.cmdletCounts().values().stream().mapToLong(CmdletCount::calls).sum();
    }

    private static long writes(SimulatedTenant tenant) {
        return tenant.cmdletCounts().values().stream().mapToLong(CmdletCount::writes).sum();
    }

    /** A new customer: its tenant has never seen the app. */
    private static SimulatedTenant newCustomer(String name) {
        String id = UUID.randomUUID().toString();
        String label = name.toLowerCase().replaceAll("[^a-z]", "") + id.substring(0, 8);
        SimulatedTenant tenant = stack.simulator().createTenant(new TenantSpec(id, label + ".onmicrosoft.com", name,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"), List.of(DomainSpec.verifiedEmailDomain(label + ".example", true))));
        tenant.appConsent(AppConsent.NEVER_GRANTED);
        return tenant;
    }

    private static String domainOf(SimulatedTenant tenant) {
        return tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com")).findFirst().orElseThrow();
    }
}
