package com.trustifi.onboarding.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.outbox.OutboxMessage;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken input gets a 4xx problem every time, and nothing is stored. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class MalformedInputTest {

    private TestPartner partner;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    static List<String> hostileBodies() {
        String tenant = UUID.randomUUID().toString();
        String account = "\"relayAccountId\":\"" + UUID.randomUUID() + "\"";
        return List.of(
                "{\"tenantId\":\"x' OR '1'='1\"," + account + ",\"relayDomains\":[\"contoso.example\"]}",
                "{\"tenantId\":\"" + tenant + "'; drop table onboarding; --\"," + account + ",\"relayDomains\":[\"contoso.example\"]}",
                "{\"tenantId\":\"<script>alert(1)</script>\"," + account + ",\"relayDomains\":[\"contoso.example\"]}",
                "{\"tenantId\":\"" + tenant + "\"," + account + ",\"relayDomains\":[\"<img src=x onerror=alert(1)>\"]}",
                "{\"tenantId\":\"" + tenant + "\",\"relayAccountId\":\"1 or 1=1\",\"relayDomains\":[\"contoso.example\"]}",
                "{\"tenantId\":42," + account + ",\"relayDomains\":[\"contoso.example\"]}",
                "{\"tenantId\":\"" + tenant + "\"," + account + ",\"relayDomains\":[\"contoso.example\"],\"dryRun\":\"maybe\"}",
                "{\"tenantId\":\"" + tenant + "\"," + account + ",\"relayDomains\":[\"" + "a".repeat(300) + ".example\"]}",
                "{\"tenantId\":\"" + tenant + "\"," + account + ",\"relayDomains\":[\"contoso.example\"],"
                        + "\"limitedScope\":{\"group\":\"g@contoso.example\",\"senderAddresses\":[\"a@contoso.example\"]}}",
                "[1,2,3]",
                "null");
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void hostileBodiesAreProblems(String body) {
        assertRefusedAndNothingStored(() -> partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings"));
    }

    @Test
    void invalidUtf8IsAProblem() {
        byte[] body = ("{\"tenantId\":\"" + UUID.randomUUID() + "\",\"relayDomains\":[\"contoso.example\"]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 2];
        System.arraycopy(body, 0, broken, 0, 14);
        broken[14] = (byte) 0xC3;
        broken[15] = (byte) 0x28;
        System.arraycopy(body, 14, broken, 16, body.length - 14);
        assertRefusedAndNothingStored(() -> partner.request().contentType(ContentType.JSON).body(broken).post("/v1/onboardings"));
    }

    @Test
    void aHugeBodyIsRefused() {
        String huge = "{\"tenantId\":\"" + "a".repeat(2_500_000) + "\"}";
        long before = count();
        int status = partner.request().contentType(ContentType.JSON).body(huge).post("/v1/onboardings").statusCode();
        assertThat(status).isEqualTo(413);
        assertThat(count()).isEqualTo(before);
    }

    private void assertRefusedAndNothingStored(java.util.function.Supplier<io.restassured.response.Response> request) {
        long before = count();
        var response = request.get();
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        response.then().body("status", equalTo(response.statusCode()));
        assertThat(count()).isEqualTo(before);
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Onboarding.count() + OutboxMessage.count());
    }
}
