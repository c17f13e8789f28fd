package com.trustifi.onboarding.api.relayaccount;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelaySecretCipher;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class RelayAccountTest {

    private TestPartner partner;

    @BeforeEach
    void createPartner() {
        partner = TestPartner.create();
    }

    @Test
    void theSecretIsShownOnceAtCreationAndNeverAfter() {
        var created = partner.request().contentType(ContentType.JSON).body(TestPartner.relayAccount())
                .post("/v1/relay-accounts")
                .then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("relaySecret", org.hamcrest.Matchers.notNullValue())
                .body("mtaPort", equalTo(25))
                .body("enabled", equalTo(true))
                .extract();
        String secret = created.path("relaySecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        String body = partner.request().get(created.header("Location"))
                .then().statusCode(200)
                .body("$", not(hasKey("relaySecret")))
                .body("hasRelaySecret", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(secret);
    }

    @Test
    void onlyAnAdminOnThePROPlanMaySetUpTheRelay() {
        for (var wrong : List.of(Map.of("plan", "BASIC"), Map.of("accessLevel", "USER"))) {
            var request = new HashMap<String, Object>(TestPartner.relayAccount());
            request.putAll(wrong);
            partner.request().contentType(ContentType.JSON).body(request)
                    .post("/v1/relay-accounts")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("verify that your plan type is PRO and your access level is Admin"))
                    .body("detail", containsString("support@trustificorp.com"));
        }
    }

    @Test
    void internationalizedDomainsAreStoredInTheirAsciiFormAndAddressesAreChecked() {
        var request = new HashMap<String, Object>(TestPartner.relayAccount());
        request.put("domains", List.of("Bücher.example"));
        request.put("mtaHost", "2001:db8::25");
        request.put("mtaPort", 2525);
        partner.request().contentType(ContentType.JSON).body(request).post("/v1/relay-accounts")
                .then().statusCode(201)
                .body("domains", equalTo(List.of("xn--bcher-kva.example")))
                .body("mtaHost", equalTo("2001:db8::25"))
                .body("mtaPort", equalTo(2525));

        for (var bad : List.of(Map.of("mtaHost", "999.1.1.1"), Map.of("mtaPort", 70000), Map.of("domains", List.of("not a domain")))) {
            var invalid = new HashMap<String, Object>(TestPartner.relayAccount());
            invalid.putAll(bad);
            partner.request().contentType(ContentType.JSON).body(invalid).post("/v1/relay-accounts")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void anOnboardingNeedsAnEnabledAccountWithItsDomains() {
        var disabled = new HashMap<String, Object>(TestPartner.relayAccount());
        disabled.put("enabled", false);
        String disabledId = partner.request().contentType(ContentType.JSON).body(disabled).post("/v1/relay-accounts")
                .then().statusCode(201).body("$", not(hasKey("relaySecret"))).extract().path("id");
        var onDisabled = partner.onboarding(UUID.randomUUID().toString(), "contoso.example");
        onDisabled.put("relayAccountId", disabledId);
        partner.request().contentType(ContentType.JSON).body(onDisabled).post("/v1/onboardings")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("relayAccountId"));

        partner.request().contentType(ContentType.JSON)
                .body(partner.onboarding(UUID.randomUUID().toString(), "contoso.example", "elsewhere.example"))
                .post("/v1/onboardings")
                .then().statusCode(422).body("errors.field", hasItem("relayDomains[1]"));
    }

    @Test
    void theCommandCarriesTheSecretEncryptedForItsTenantOnly() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        var body = partner.onboarding(tenantId, "contoso.example");
        body.put("limitedScope", Map.of("group", "Relay-Pilot@contoso.example"));
        body.put("testRecipient", "postmaster@partner.example");
        partner.request().contentType(ContentType.JSON).body(body).post("/v1/onboardings").then().statusCode(202);

        var record = KafkaTopics.await("provisioning-commands", r -> KafkaTopics.isOnboardingCommand(r, tenantId));
        assertThat(record.value()).doesNotContain(partner.relaySecret());
        ProvisioningCommand command = WireJson.mapper().readValue(record.value(), ProvisioningCommand.class);
        assertThat(command.relay().limitedScope().group()).isEqualTo("relay-pilot@contoso.example");
        assertThat(command.relay().testRecipient()).isEqualTo("postmaster@partner.example");

        var config = ConfigProvider.getConfig();
        var cipher = new RelaySecretCipher(config.getValue("onboarding.relay-secrets.current-key-id", String.class),
                Map.of("test1", config.getValue("onboarding.relay-secrets.keys.test1", String.class)));
        assertThat(cipher.decrypt(tenantId, command.relay().relaySecret())).isEqualTo(partner.relaySecret());
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID().toString(), command.relay().relaySecret()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedSecretIsShownOnceAndTravelsWithTheNextCommand() throws Exception {
        String rotated = partner.request().post("/v1/relay-accounts/" + partner.relayAccountId() + "/rotate-secret")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract().path("relaySecret");
        assertThat(rotated).isNotEqualTo(partner.relaySecret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(partner.request().get("/v1/relay-accounts/" + partner.relayAccountId()).then().statusCode(200)
                .extract().asString()).doesNotContain(rotated);
        TestPartner.create().request().post("/v1/relay-accounts/" + partner.relayAccountId() + "/rotate-secret")
                .then().statusCode(404).contentType("application/problem+json");

        String tenantId = UUID.randomUUID().toString();
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenantId, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
        var record = KafkaTopics.await("provisioning-commands", r -> KafkaTopics.isOnboardingCommand(r, tenantId));
        ProvisioningCommand command = WireJson.mapper().readValue(record.value(), ProvisioningCommand.class);
        var config = ConfigProvider.getConfig();
        var cipher = new RelaySecretCipher(config.getValue("onboarding.relay-secrets.current-key-id", String.class),
                Map.of("test1", config.getValue("onboarding.relay-secrets.keys.test1", String.class)));
        assertThat(cipher.decrypt(tenantId, command.relay().relaySecret())).isEqualTo(rotated);
    }

    @Test
    void anotherPartnersRelayAccountIsNotFound() {
        TestPartner other = TestPartner.create();
        other.request().get("/v1/relay-accounts/" + partner.relayAccountId())
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/relay-accounts/" + partner.relayAccountId()).then().statusCode(401);
    }
}
