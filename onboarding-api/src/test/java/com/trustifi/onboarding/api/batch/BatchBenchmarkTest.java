package com.trustifi.onboarding.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.TestPartner;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long a batch of 10,000 tenants takes to be accepted, and until every one of its commands is
 * on Kafka. Prints the figures; it asserts only that all of it happened. Not part of the default
 * run: {@code ./mvnw -B -o -pl onboarding-api install -Pbenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class BatchBenchmarkTest {

    private static final int ROWS = 10_000;

    @Test
    void tenThousandTenants() {
        TestPartner partner = TestPartner.create();
        // warm up the path, so that the figures are those of a service that has been running, not the JIT's
        for (int i = 0; i < 3; i++) {
            submit(partner, body(partner, tenants(partner, 2_000)));
        }
        List<String> tenants = tenants(partner, ROWS);
        String body = body(partner, tenants);
        Set<String> waiting = new HashSet<>(tenants);

        try (var consumer = consumer()) {
            consumer.subscribe(List.of("provisioning-commands"));
            consumer.poll(Duration.ofMillis(500));
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            long start = System.nanoTime();
            int accepted = submit(partner, body);
            long acceptedAt = System.nanoTime();
            long deadline = acceptedAt + Duration.ofMinutes(2).toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> waiting.remove(record.key()));
            }
            long publishedAt = System.nanoTime();

            System.out.printf("%nBENCHMARK batch of %d tenants: accepted in %d ms; all commands on Kafka %d ms after the "
                    + "request was sent%n%n", ROWS, (acceptedAt - start) / 1_000_000, (publishedAt - start) / 1_000_000);
            assertThat(accepted).isEqualTo(ROWS);
            assertThat(waiting).isEmpty();
        }
    }

    @jakarta.inject.Inject
    com.trustifi.onboarding.api.relayaccount.RelayAccounts relayAccounts;

    /** As bulk partners run it: each customer with a relay account of its own. */
    @Test
    void tenThousandTenantsEachWithItsOwnRelayAccount() {
        TestPartner partner = TestPartner.create();
        List<String> tenants = tenants(partner, ROWS);
        List<String> accounts = QuarkusTransaction.requiringNew().timeout(600).call(() -> tenants.stream()
                .map(tenant -> relayAccounts.create(UUID.fromString(partner.id()),
                        new com.trustifi.onboarding.api.relayaccount.NewRelayAccount("Customer " + tenant, "PRO", "ADMIN",
                                List.of("contoso.example"), "mx.contoso.example", 25, true)).account().id.toString())
                .toList());
        var json = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < tenants.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"tenantId\":\"").append(tenants.get(i))
                    .append("\",\"relayAccountId\":\"").append(accounts.get(i))
                    .append("\",\"relayDomains\":[\"contoso.example\"]}");
        }
        String body = json.append("]}").toString();

        long start = System.nanoTime();
        int accepted = submit(partner, body);
        long acceptedAt = System.nanoTime();

        System.out.printf("%nBENCHMARK batch of %d tenants with %d distinct relay accounts: accepted in %d ms%n%n", ROWS,
                accounts.size(), (acceptedAt - start) / 1_000_000);
        assertThat(accepted).isEqualTo(ROWS);
    }

    /** Written before the clock starts, so that the figure is the service's and not the test client's. */
    private static String body(TestPartner partner, List<String> tenants) {
        var json = new StringBuilder("{\"relayAccountId\":\"").append(partner.relayAccountId()).append("\",\"rows\":[");
        for (int i = 0; i < tenants.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"tenantId\":\"").append(tenants.get(i))
                    .append("\",\"relayDomains\":[\"contoso.example\"]}");
        }
        return json.append("]}").toString();
    }

    private static int submit(TestPartner partner, String body) {
        return partner.request().contentType(ContentType.JSON).body(body)
                .post("/v1/batches").then().statusCode(202).extract().path("accepted");
    }

    /**
     * New tenants, connected to the partner by writing the connections straight into the database:
     * going through 10,000 consents over HTTP would measure the consent path, not the batch.
     */
    private static List<String> tenants(TestPartner partner, int count) {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenants.add(UUID.randomUUID().toString());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Onboarding.getEntityManager();
            UUID request = UUID.randomUUID();
            em.createNativeQuery("insert into tenant_connection_request (id, partner_id, created_at, expires_at, used_at) "
                    + "values (?1, ?2, now(), now(), now())").setParameter(1, request).setParameter(2, UUID.fromString(partner.id()))
                    .executeUpdate();
            em.createNativeQuery("insert into tenant_connection (tenant_id, partner_id, request_id, connected_at) "
                    + "select unnest(cast(?1 as varchar[])), ?2, ?3, now()")
                    .setParameter(1, tenants.toArray(String[]::new)).setParameter(2, UUID.fromString(partner.id()))
                    .setParameter(3, request).executeUpdate();
        });
        return tenants;
    }

    private static KafkaConsumer<String, String> consumer() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
