package com.trustifi.onboarding.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.trustifi.onboarding.api.KafkaTopics;
import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** No tenant stays busy for ever: a dead-lettered command and a silent worker both end the onboarding, retryably. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class StalledOnboardingsTest {

    @Inject
    SilentOnboardingWatchdog watchdog;

    @Test
    void aCommandOnTheDeadLetterTopicFailsItsOnboardingRetryablyAndFreesTheTenant() throws Exception {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String id = accept(partner, tenant);
        String command = KafkaTopics.await("provisioning-commands", record -> record.value().contains(id)).value();

        try (var producer = producer()) {
            producer.send(new ProducerRecord<>("provisioning-commands-dead-letter", tenant, command)).get();
            producer.send(new ProducerRecord<>("provisioning-commands-dead-letter", tenant, "not a command")).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "FAILED".equals(partner.request().get("/v1/onboardings/" + id).then().extract().path("status")));
        partner.request().get("/v1/onboardings/" + id).then()
                .body("retryable", equalTo(true))
                .body("detail", containsString("could not finish this command"))
                .body("remediation", containsString("Retry the onboarding"));
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
    }

    @Test
    void onboardingsTheWorkerWentSilentOnFailRetryablyAndOthersAreLeftAlone() {
        TestPartner partner = TestPartner.create();
        String silentRunning = accept(partner, UUID.randomUUID().toString());
        String silentAccepted = accept(partner, UUID.randomUUID().toString());
        String lively = accept(partner, UUID.randomUUID().toString());
        QuarkusTransaction.requiringNew().run(() -> {
            age(silentRunning, "RUNNING", Duration.ofHours(2));
            age(silentAccepted, "ACCEPTED", Duration.ofHours(13));
            age(lively, "ACCEPTED", Duration.ofHours(2));
        });

        assertThat(watchdog.failSilentAsOf(Instant.now())).isGreaterThanOrEqualTo(2);

        for (String id : new String[] {silentRunning, silentAccepted}) {
            partner.request().get("/v1/onboardings/" + id).then().statusCode(200)
                    .body("status", equalTo("FAILED"))
                    .body("retryable", equalTo(true))
                    .body("detail", equalTo("The worker stopped reporting on this onboarding"));
        }
        partner.request().get("/v1/onboardings/" + lively).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aCancelTheWorkerNeverConfirmsEndsCanceledAfterTheDeadline() {
        TestPartner partner = TestPartner.create();
        String tenant = UUID.randomUUID().toString();
        String id = accept(partner, tenant);
        KafkaTopics.await("provisioning-commands", record -> record.value().contains(id));
        partner.request().post("/v1/onboardings/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELING"));
        QuarkusTransaction.requiringNew().run(() -> age(id, "CANCELING", Duration.ofMinutes(11)));

        watchdog.failSilentAsOf(Instant.now());

        partner.request().get("/v1/onboardings/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELED"))
                .body("detail", containsString("did not confirm the cancel in time"));
        partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202);
    }

    private static void age(String id, String status, Duration by) {
        Onboarding.getEntityManager().createNativeQuery("update onboarding set status = ?1, updated_at = ?2 where id = ?3")
                .setParameter(1, status)
                .setParameter(2, Instant.now().minus(by))
                .setParameter(3, UUID.fromString(id))
                .executeUpdate();
    }

    private static String accept(TestPartner partner, String tenant) {
        return partner.request().contentType(ContentType.JSON).body(partner.onboarding(tenant, "contoso.example"))
                .post("/v1/onboardings").then().statusCode(202).extract().path("id");
    }

    private static KafkaProducer<String, String> producer() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
