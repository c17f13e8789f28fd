package com.trustifi.onboarding.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class BatchResourceTest {

    private TestPartner partner;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    @Test
    void validRowsAreAcceptedTogetherAndEachRefusedRowIsNamedWithItsReason() {
        TestPartner other = TestPartner.create();
        String busyTenant = UUID.randomUUID().toString();
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(busyTenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        var borrowed = row(UUID.randomUUID().toString(), "contoso.example");
        String stranger = UUID.randomUUID().toString();
        var notConnected = new HashMap<String, Object>(Map.of("tenantId", stranger, "relayDomains", List.of("contoso.example")));
        borrowed.put("relayAccountId", other.relayAccountId());

        Response response = submit(Map.of("relayAccountId", partner.relayAccountId(), "rows", List.of(
                row(first, "Contoso.example", "sales.contoso.example"),
                row("not-a-tenant", "contoso.example"),
                row(UUID.randomUUID().toString(), "elsewhere.example"),
                row(duplicate, "contoso.example"),
                row(duplicate, "fabrikam.example"),
                row(busyTenant, "contoso.example"),
                borrowed,
                row(second.toUpperCase(), "fabrikam.example"),
                notConnected)), null);

        response.then().statusCode(202)
                .body("accepted", equalTo(3))
                .body("rejected", equalTo(6));
        List<String> fields = response.path("errors.field");
        assertThat(fields).containsExactly("rows[1].tenantId", "rows[2].relayDomains[0]", "rows[4].tenantId",
                "rows[5].tenantId", "rows[6].relayAccountId", "rows[8].tenantId");
        assertThat(response.<String>path("errors[5].reason")).contains("not connected to you");
        assertThat(response.<String>path("errors[2].reason")).contains("rows[3]");
        String batchId = response.path("id");
        assertThat(response.header("Location")).endsWith("/v1/batches/" + batchId);

        List<String> tenants = partner.request().queryParam("batchId", batchId).get("/v1/onboardings")
                .then().statusCode(200).extract().path("items.tenantId");
        assertThat(tenants).containsExactlyInAnyOrder(first, duplicate, second);
        String firstId = partner.request().queryParam("batchId", batchId).queryParam("tenantId", first)
                .get("/v1/onboardings").then().extract().path("items[0].id");
        List<String> relayDomains = partner.request().get("/v1/onboardings/" + firstId).then().statusCode(200)
                .body("batchId", equalTo(batchId)).extract().path("relayDomains");
        assertThat(relayDomains).containsExactly("contoso.example", "sales.contoso.example");
        KafkaTopics.await("provisioning-commands", record -> second.equals(record.key()));
    }

    @Test
    void csvRowsTakeTheRelayAccountFromTheQueryWhenTheyNameNone() {
        String quoted = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();
        partner.connect(quoted, own);
        String csv = "\uFEFFtenantId,relayDomains,relayAccountId\r\n"
                + quoted + ",\"contoso.example; sales.contoso.example\",\r\n"
                + own + ",fabrikam.example," + partner.relayAccountId() + "\r\n"
                + UUID.randomUUID() + ",contoso.example,not-a-uuid\r\n"
                + UUID.randomUUID() + ",contoso.example\r\n"
                + UUID.randomUUID() + ",,\r\n";

        Response response = partner.request().contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("relayAccountId", partner.relayAccountId())
                .post("/v1/batches");

        response.then().statusCode(202).body("accepted", equalTo(2)).body("rejected", equalTo(3));
        assertThat(response.<List<String>>path("errors.field"))
                .containsExactly("rows[2].relayAccountId", "rows[3]", "rows[4].relayDomains");
        String batchId = response.path("id");
        List<String> tenants = partner.request().queryParam("batchId", batchId).get("/v1/onboardings")
                .then().extract().path("items.tenantId");
        assertThat(tenants).containsExactlyInAnyOrder(quoted, own);
    }

    @Test
    void aCsvHeaderWithAnUnknownColumnIsAProblem() {
        partner.request().contentType("text/csv").body("tenantId,relayDomains,colour\n" + UUID.randomUUID() + ",contoso.example,red\n")
                .post("/v1/batches")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("header"));
    }

    @Test
    void moreRowsThanAllowedIs413AndStoresNothing() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            // not connected: the size is refused before any row is looked at
            rows.add(Map.of("tenantId", UUID.randomUUID().toString(), "relayDomains", List.of("contoso.example")));
        }
        long before = stored();

        submit(Map.of("relayAccountId", partner.relayAccountId(), "rows", rows), null)
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBatchWithNoAcceptableRowIs422AndStoresNothing() {
        long before = stored();

        submit(Map.of("relayAccountId", partner.relayAccountId(), "rows", List.of(
                row("not-a-tenant", "contoso.example"), row(UUID.randomUUID().toString(), "elsewhere.example"))), null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("rows[0].tenantId", "rows[1].relayDomains[0]")));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameBatch() {
        String key = UUID.randomUUID().toString();
        var body = Map.of("relayAccountId", partner.relayAccountId(), "rows", List.of(row(UUID.randomUUID().toString(), "contoso.example")));

        Response first = submit(body, key);
        Response again = submit(body, key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void anotherPartnersBatchIsNotFound() {
        String batchId = submit(Map.of("relayAccountId", partner.relayAccountId(),
                "rows", List.of(row(UUID.randomUUID().toString(), "contoso.example"))), null).path("id");
        TestPartner other = TestPartner.create();

        other.request().get("/v1/batches/" + batchId).then().statusCode(404).contentType("application/problem+json");
        other.request().get("/v1/batches/" + batchId + "/results.csv").then().statusCode(404);
        assertThat(other.request().queryParam("batchId", batchId).get("/v1/onboardings")
                .then().statusCode(200).extract().<List<?>>path("items")).isEmpty();
    }

    private Response submit(Map<String, Object> body, String idempotencyKey) {
        var request = partner.request().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/v1/batches");
    }

    /** A batch row; a tenant id shaped like one is connected to the partner first, so that only the row's own fault counts. */
    private Map<String, Object> row(String tenantId, String... relayDomains) {
        if (tenantId.matches("[0-9a-fA-F-]{36}")) {
            partner.connect(tenantId.toLowerCase(java.util.Locale.ROOT));
        }
        var row = new HashMap<String, Object>();
        row.put("tenantId", tenantId);
        row.put("relayDomains", List.of(relayDomains));
        return row;
    }

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.count("kind <> ?1",
                com.trustifi.onboarding.model.CommandKind.CHECK_CONNECTION) + OnboardingBatch.count());
    }
}
