package com.trustifi.onboarding.api.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OnboardingResourceTest {

    private TestPartner partner;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    @Test
    void acceptedOnboardingIsStoredAndItsCommandPublishedKeyedByTenant() throws Exception {
        String tenantId = UUID.randomUUID().toString();

        String location = partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(tenantId, "Contoso.example", "sales.contoso.example"))
                .when().post("/v1/onboardings")
                .then().statusCode(202)
                .header("Retry-After", notNullValue())
                .body("status", equalTo("ACCEPTED"))
                .body("relayDomains", equalTo(List.of("contoso.example", "sales.contoso.example")))
                .extract().header("Location");

        String id = partner.request().when().get(location)
                .then().statusCode(200)
                .header("Retry-After", notNullValue())
                .body("tenantId", equalTo(tenantId))
                .extract().path("id");

        ConsumerRecord<String, String> published = awaitCommand(tenantId);
        ProvisioningCommand command = WireJson.mapper().readValue(published.value(), ProvisioningCommand.class);
        assertThat(command.onboardingId()).hasToString(id);
        assertThat(command.relay().relayDomains()).containsExactly("contoso.example", "sales.contoso.example");
        // no profile named: the worker chooses it by the tenant's creation date
        assertThat(command.relay().profile()).isNull();
        assertThat(command.relay().domainRecords()).extracting(DnsRecord::name)
                .contains("_amazonses.contoso.example", "bounce.sales.contoso.example");
    }

    @Test
    void secondOnboardingForATenantInProgressIsAConflictLinkingTheActiveOne() {
        String tenantId = UUID.randomUUID().toString();
        String first = partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");

        partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(first));
    }

    @Test
    void eachCommandIsPublishedOnceAlthoughTheRelayRunsAfterCommitAndOnItsSchedule() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
        KafkaTopics.await("provisioning-commands", record -> KafkaTopics.isOnboardingCommand(record, tenantId));

        // a second publication would come from the next scheduled run, within a second or two
        Thread.sleep(3_000);
        assertThat(KafkaTopics.everything()).filteredOn(record -> record.topic().equals("provisioning-commands")
                && KafkaTopics.isOnboardingCommand(record, tenantId)).hasSize(1);
    }

    @Test
    void concurrentRequestsForOneTenantAcceptOneAndRefuseTheOthersAsConflicts() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> partner.request().contentType(ContentType.JSON)
                        .body(partner.onboarding(tenantId, "contoso.example"))
                        .post("/v1/onboardings").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(202, 409).filteredOn(status -> status == 202).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    static List<Object[]> invalidRequests() {
        String tenant = UUID.randomUUID().toString();
        return List.of(
                new Object[] {"{\"relayDomains\":[\"contoso.example\"]}", "tenantId"},
                new Object[] {"{\"tenantId\":\"not-a-tenant\",\"relayDomains\":[\"contoso.example\"]}", "tenantId"},
                new Object[] {"{\"tenantId\":\"" + tenant + "\",\"relayDomains\":[]}", "relayDomains"},
                new Object[] {"{\"tenantId\":\"" + tenant + "\",\"relayDomains\":[\"ok.example\",\"bad domain\"]}", "relayDomains[1]"},
                new Object[] {"{\"tenantId\":\"" + tenant + "\",\"relayDomains\":\"contoso.example\"}", "relayDomains"},
                new Object[] {"{\"tenantId\":\"" + tenant + "\",\"relayDomains\":[\"contoso.example\"],\"extra\":1}", "extra"},
                new Object[] {"{\"tenantId\":", "body"},
                new Object[] {"", "body"});
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestIsAProblemNamingTheFieldAndStoresNothing(String body, String field) {
        long onboardings = count(Onboarding.class);
        long outbox = count(OutboxMessage.class);

        partner.request().contentType(ContentType.JSON).body(body)
                .when().post("/v1/onboardings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));

        assertThat(count(Onboarding.class)).isEqualTo(onboardings);
        assertThat(count(OutboxMessage.class)).isEqualTo(outbox);
    }

    @Test
    void unknownOnboardingIsAProblem() {
        partner.request().when().get("/v1/onboardings/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void openApiDocumentDescribesTheOnboardingEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/onboardings"));
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() ->
                entity == Onboarding.class ? Onboarding.count() : OutboxMessage.count());
    }

    private static ConsumerRecord<String, String> awaitCommand(String tenantId) {
        return KafkaTopics.await("provisioning-commands", record -> KafkaTopics.isOnboardingCommand(record, tenantId));
    }
}
