package com.trustifi.onboarding.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.WorkerReports;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partner names a relay profile or leaves it to the worker; the API shows what was applied and what DNS lacks. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class RelayProfileTest {

    private TestPartner partner;

    @BeforeEach
    void partner() {
        partner = TestPartner.create();
    }

    @Test
    void theNamedProfileTravelsWithTheCommand() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        var body = partner.onboarding(tenantId, "contoso.example");
        body.put("profile", "ALL_TENANTS");
        partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings")
                .then().statusCode(202).body("profile", equalTo("ALL_TENANTS"));

        ProvisioningCommand command = WireJson.mapper().readValue(KafkaTopics.await("provisioning-commands",
                record -> KafkaTopics.isOnboardingCommand(record, tenantId)).value(), ProvisioningCommand.class);
        assertThat(command.relay().profile()).isEqualTo(RelayProfileName.ALL_TENANTS);
        assertThat(command.relay().domainRecords()).extracting(DnsRecord::purpose, DnsRecord::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("identity", "TXT"), org.assertj.core.groups.Tuple.tuple("dkim", "CNAME"),
                org.assertj.core.groups.Tuple.tuple("dkim", "CNAME"), org.assertj.core.groups.Tuple.tuple("dkim", "CNAME"),
                org.assertj.core.groups.Tuple.tuple("mail-from", "MX"), org.assertj.core.groups.Tuple.tuple("mail-from", "TXT"));
    }

    @Test
    void anUnknownProfileIsRefusedWithTheFieldAndChangesNothing() {
        String tenantId = UUID.randomUUID().toString();
        var body = partner.onboarding(tenantId, "contoso.example");
        body.put("profile", "NEWER_TENANT");
        partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("profile"))
                .body("errors.reason", hasItem("must be one of [OLDER_TENANT, ALL_TENANTS]"));
        partner.request().queryParam("tenantId", tenantId).get("/v1/onboardings")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void forceProfileIsRefusedWithWhatReplacedIt() {
        var body = partner.onboarding(UUID.randomUUID().toString(), "contoso.example");
        body.put("forceProfile", true);
        partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("forceProfile"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("replaced by \"profile\""));
    }

    @Test
    void aCsvRowNamesItsProfileAndABadOneIsRefusedByRowAndColumn() {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        partner.connect(good, bad);
        String csv = "tenantId,relayDomains,relayAccountId,profile\n"
                + good + ",contoso.example," + partner.relayAccountId() + ",older_tenant\n"
                + bad + ",contoso.example," + partner.relayAccountId() + ",sometimes\n";
        partner.request().contentType("text/csv").body(csv).post("/v1/batches")
                .then().statusCode(202).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors.field", equalTo(List.of("rows[1].profile")));
        String id = partner.request().queryParam("tenantId", good).get("/v1/onboardings").then().statusCode(200)
                .extract().path("items[0].id");
        partner.request().get("/v1/onboardings/" + id).then().statusCode(200).body("profile", equalTo("OLDER_TENANT"));
    }

    @Test
    void theAppliedProfileAndTheRecordsDnsLacksAreShown() {
        String tenantId = UUID.randomUUID().toString();
        String id = partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
        UUID onboardingId = UUID.fromString(id);
        long sequence = Instant.now().toEpochMilli() * 10_000;
        var identity = new DnsRecord("identity", "TXT", "_amazonses.contoso.example", "token");
        var mx = new DnsRecord("mail-from", "MX", "bounce.contoso.example", "10 feedback-smtp.us-east-1.amazonses.com");
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), onboardingId, tenantId, sequence + 1,
                ProvisioningStep.CHECK_TENANT, StepOutcome.PASSED, "Profile ALL_TENANTS (tenant created 2024-05-01)", null, 1,
                null, false, Instant.now(), RelayProfileName.ALL_TENANTS, null));
        WorkerReports.send(new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), onboardingId, tenantId, sequence + 2,
                ProvisioningStep.CHECK_DOMAIN_VERIFICATION, StepOutcome.WARNING, "1 of 2 records is not published", null, 1,
                null, false, Instant.now(), null, List.of(new DnsRecordCheck(identity, true), new DnsRecordCheck(mx, false))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath view = partner.request().get("/v1/onboardings/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(view.getString("appliedProfile")).isEqualTo("ALL_TENANTS");
            assertThat(view.<Map<String, Object>>getList("dnsRecords")).hasSize(2);
            assertThat(view.getString("dnsRecords[1].record.name")).isEqualTo("bounce.contoso.example");
            assertThat(view.getBoolean("dnsRecords[1].published")).isFalse();
            assertThat(view.getBoolean("dnsRecords[0].published")).isTrue();
        });
    }

    @Test
    void theRelayAccountListsTheRecordsForEachOfItsDomainsAndKeepsThem() {
        JsonPath account = partner.request().get("/v1/relay-accounts/" + partner.relayAccountId()).then().statusCode(200)
                .extract().jsonPath();
        List<String> names = account.getList("domainVerificationRecords.name");
        assertThat(names).hasSize(6 * TestPartner.DOMAINS.size())
                .contains("_amazonses.contoso.example", "bounce.fabrikam.example");
        assertThat(partner.request().get("/v1/relay-accounts/" + partner.relayAccountId()).then().extract().jsonPath()
                .<String>getList("domainVerificationRecords.value")).isEqualTo(account.getList("domainVerificationRecords.value"));
    }
}
