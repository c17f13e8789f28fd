package com.trustifi.onboarding.localstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.ExchangeState;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;
import com.trustifi.onboarding.simulator.exchange.TransportRule;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both services as real processes, real Kafka and PostgreSQL, the simulator over HTTPS: a
 * partner's request travels through the outbox, Kafka and the worker to Exchange and back.
 */
class OnboardingEndToEndTest {

    private static LocalStack stack;
    private static String apiKey;
    private static final List<String> responses = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(ProjectLayout.find(), Files.createTempDirectory("e2e-local-stack"),
                LocalStack.Settings.DEFAULTS.withTraces());
        apiKey = given().baseUri(stack.apiBaseUri().toString()).contentType(ContentType.JSON)
                .header("X-Operator-Key", stack.operatorKey())
                .body(Map.of("name", "End-to-end partner"))
                .when().post("/v1/operator/partners")
                .then().statusCode(201).extract().path("apiKey");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onboardingConfiguresTheTenantExactlyOnceAndTheSecretNeverLeaks() throws Exception {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Müller & Söhne GmbH", "mueller"));
        String domain = ExchangeState.customDomainOf(tenant);
        var account = relayAccount("Müller & Söhne GmbH", domain);
        String accountId = account.path("id");
        String secret = account.path("relaySecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

        String location = submit(tenant.tenantId(), accountId, domain);
        awaitTerminal(location);
        record(partner().when().get(location).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("steps.step", hasItem("ensure-transport-rule"))
                .body("steps.find { it.step == 'ensure-outbound-connector' }.outcome", equalTo("CREATED"))
                .body("steps.find { it.step == 'ensure-transport-rule' }.outcome", equalTo("CREATED"))
                .body("steps.find { it.step == 'verify' }.outcome", equalTo("PASSED"))
                .extract().asString());
        assertSeedConnector(tenant);
        assertThat(tenant.transportRules()).singleElement().extracting(TransportRule::setHeaderValue).isEqualTo(secret);
        assertThat(SeedObjects.holds(tenant, domain, secret)).as("benchmarks/bulk's check agrees").isTrue();

        String again = submit(tenant.tenantId(), accountId, domain);
        awaitTerminal(again);
        record(partner().when().get(again).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("steps.outcome", not(hasItem("CREATED")))
                .body("steps.outcome", not(hasItem("UPDATED")))
                .extract().asString());
        assertSeedConnector(tenant);
        assertThat(tenant.cmdletCounts().get("New-OutboundConnector")).extracting(CmdletCount::writes).isEqualTo(1L);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(partner().when().get(again).then().extract().path("activation")));
        record(partner().when().get(again).then()
                .body("activationDetail", containsString("test email to relay-check@fabrikam.example through the relay: the rule is in effect"))
                .extract().asString());
        assertThat(partner().when().get(location).then().extract().<String>path("activation"))
                .as("confirmed before the second onboarding ended, or superseded by it").isIn("ACTIVE", "SUPERSEDED");
        record(partner().when().get("/v1/relay-accounts/" + accountId).then().statusCode(200).extract().asString());
        record(partner().when().get("/v1/onboardings").then().statusCode(200).extract().asString());

        assertThat(responses).noneMatch(body -> body.contains(secret));
        assertThat(serviceLogs()).noneMatch(line -> line.contains(secret));
        // nor the connect links' signed states, which consent callbacks carry in their query
        assertThat(Files.readString(stack.traces().orElseThrow().file())).doesNotContain(secret).doesNotContain("state=");
        assertThat(everyKafkaRecord()).noneMatch(record -> record.contains(secret));
    }

    @Test
    void anOnboardingWhoseRuleNeverTakesEffectEndsNotPropagatedWithTheReason() throws Exception {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Langsam AG", "langsam"));
        String domain = ExchangeState.customDomainOf(tenant);
        String accountId = relayAccount("Langsam AG", domain).path("id");
        // the rule saved now takes effect in an hour, long after the fleet watch's checks of the local stack give up
        stack.simulator().setTransportRulePropagationDelay(Duration.ofHours(1));
        String location;
        try {
            location = submit(tenant.tenantId(), accountId, domain);
            awaitTerminal(location);
        } finally {
            stack.simulator().setTransportRulePropagationDelay(Duration.ZERO);
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"PENDING".equals(partner().when().get(location).then().extract().path("activation")));
        record(partner().when().get(location).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("activation", equalTo("NOT_PROPAGATED"))
                .body("activationDetail", containsString("Not confirmed after 2 checks"))
                .body("activationDetail", containsString("no rule in effect routes mail to the connector yet"))
                .extract().asString());
    }

    @Test
    void oneOnboardingIsOneTraceFromTheRequestThroughTheWorkersExchangeCallsToTheAppliedStatusEvents() throws Exception {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Traced GmbH", "traced"));
        String domain = ExchangeState.customDomainOf(tenant);
        String accountId = relayAccount("Traced GmbH", domain).path("id");
        OnboardingApiClient.asPartner(stack.apiBaseUri(), apiKey)
                .connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());

        var accepted = partner()
                .body(Map.of("tenantId", tenant.tenantId(), "relayAccountId", accountId, "relayDomains", List.of(domain)))
                .when().post("/v1/onboardings").then().statusCode(202).extract();
        String traceId = accepted.header("X-Trace-Id");
        String onboardingId = accepted.path("id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        awaitTerminal(accepted.header("Location"));

        TraceCollector traces = stack.traces().orElseThrow();
        // the last spans (the API applying the final events) are exported within the batch delay
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(traces.spansOf(traceId))
                .anySatisfy(span -> assertThat(span.attributes()).containsEntry("onboarding.step", "ONBOARDING")
                        .containsEntry("onboarding.outcome", "SUCCEEDED")));
        List<TraceCollector.CollectedSpan> spans = traces.spansOf(traceId);
        assertThat(spans).filteredOn(span -> span.service().equals("onboarding-api"))
                .extracting(TraceCollector.CollectedSpan::name)
                .contains("POST /v1/onboardings", "provisioning-commands publish", "apply status event");
        TraceCollector.CollectedSpan plan = spans.stream().filter(span -> span.name().equals("provision ONBOARD"))
                .findFirst().orElseThrow(() -> new AssertionError("No plan span in " + spans));
        assertThat(plan.service()).isEqualTo("tenant-worker");
        assertThat(plan.attributes()).containsEntry("onboarding.id", onboardingId)
                .containsEntry("tenant.id", tenant.tenantId()).containsEntry("plan.outcome", "FINISHED");
        List<TraceCollector.CollectedSpan> calls = spans.stream()
                .filter(span -> span.parentSpanId().equals(plan.spanId()) && span.kind().equals("SPAN_KIND_CLIENT")).toList();
        assertThat(calls).extracting(span -> span.attributes().get("exchange.cmdlet"))
                .contains("Get-OrganizationConfig", "New-OutboundConnector", "New-TransportRule", "Get-TransportRule");
        assertThat(calls).extracting(span -> span.attributes().get("graph.request")).contains("organization", "domains");
        assertThat(calls).allSatisfy(call -> assertThat(call.attributes()).containsKey("http.response.status_code"));
        assertThat(spans).filteredOn(span -> span.service().equals("tenant-worker"))
                .extracting(TraceCollector.CollectedSpan::name).contains("provisioning-status publish");
        assertThat(serviceLogs()).filteredOn(line -> line.contains("\"onboardingId\":\"" + onboardingId + "\""))
                .isNotEmpty().allMatch(line -> line.contains("\"traceId\":\"" + traceId + "\""));
    }

    @Test
    void metricsExplainASmallBatch() throws Exception {
        awaitWorkerIdle();
        Map<String, Double> workerAtStart = metrics(stack.workerBaseUri().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SimulatedTenant tenant = stack.simulator().createTenant(tenant("Northwind Traders " + i, "northwind"));
            String domain = ExchangeState.customDomainOf(tenant);
            var account = relayAccount("Northwind " + i, domain);
            secrets.add(account.path("relaySecret"));
            OnboardingApiClient.asPartner(stack.apiBaseUri(), apiKey)
                    .connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());
            rows.add(Map.of("tenantId", tenant.tenantId(), "relayAccountId", account.path("id"), "relayDomains", List.of(domain)));
        }
        // the connection checks run first; the counts below are of the batch alone
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Double> now = metrics(stack.workerBaseUri().toString());
            assertThat(now.get("plans_in_flight")).isZero();
            assertThat(delta(now, workerAtStart, "plans_finished_total", Map.of("kind", "CHECK_CONNECTION")))
                    .as("connection checks finished; metrics %s", now.keySet().stream().filter(name -> name.startsWith("plans")).toList())
                    .isEqualTo(3);
        });
        // the onboardings gauge is counted again at most every 5 s: let it count the finished connection checks first,
        // or the batch's delta takes in those it had not counted yet
        Thread.sleep(6_000);
        Map<String, Double> workerBefore = metrics(stack.workerBaseUri().toString());
        Map<String, Double> apiBefore = metrics(stack.apiBaseUri().toString());

        String batch = partner().body(Map.of("rows", rows)).when().post("/v1/batches").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                partner().when().get("/v1/batches/" + batch).then().extract().<Integer>path("counts.SUCCEEDED") == 3);

        Map<String, Double> worker = metrics(stack.workerBaseUri().toString());
        assertThat(delta(worker, workerBefore, "exchange_calls_seconds_count", Map.of("cmdlet", "New-OutboundConnector", "status", "200")))
                .isEqualTo(3);
        assertThat(delta(worker, workerBefore, "exchange_calls_seconds_count", Map.of("cmdlet", "New-TransportRule", "status", "200")))
                .isEqualTo(3);
        assertThat(delta(worker, workerBefore, "exchange_calls_seconds_bucket", Map.of("cmdlet", "New-TransportRule", "le", "+Inf")))
                .isEqualTo(3);
        assertThat(delta(worker, workerBefore, "graph_calls_seconds_count", Map.of("request", "organization", "status", "200")))
                .isEqualTo(3);
        assertThat(delta(worker, workerBefore, "plans_finished_total", Map.of("kind", "ONBOARD", "outcome", "FINISHED"))).isEqualTo(3);
        assertThat(worker.get("plans_in_flight")).isZero();
        assertThat(worker.keySet()).anyMatch(name -> name.startsWith("kafka_consumer_fetch_manager_records_lag"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Double> api = metrics(stack.apiBaseUri().toString());
            assertThat(delta(api, apiBefore, "status_events_applied_total", Map.of("kind", "ONBOARD", "step", "ONBOARDING", "outcome", "SUCCEEDED")))
                    .isEqualTo(3);
            assertThat(delta(api, apiBefore, "status_events_applied_total", Map.of("kind", "ONBOARD", "step", "ENSURE_TRANSPORT_RULE", "outcome", "CREATED")))
                    .isEqualTo(3);
            // the gauge is counted again at most every 5 seconds
            assertThat(delta(api, apiBefore, "onboardings", Map.of("status", "SUCCEEDED"))).isEqualTo(3);
            assertThat(value(api, "onboardings", Map.of("status", "ACCEPTED"))).isZero();
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                partner().when().get("/v1/batches/" + batch).then().extract().<Integer>path("activations.ACTIVE") == 3);
        Map<String, Double> api = metrics(stack.apiBaseUri().toString());
        assertThat(api).containsKey("outbox_oldest_pending_age_seconds");
        assertThat(value(api, "dead_letters_total", Map.of())).isZero();
        String exposed = metricsText(stack.workerBaseUri().toString()) + metricsText(stack.apiBaseUri().toString());
        assertThat(secrets).allSatisfy(secret -> assertThat(exposed).doesNotContain(secret));

        // the worker logs JSON lines, and each line of a plan names its tenant, onboarding and command
        var json = new ObjectMapper();
        List<JsonNode> workerLines = new ArrayList<>();
        for (String line : Files.readAllLines(stack.logDirectory().resolve("tenant-worker.log"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                workerLines.add(json.readTree(line));
            }
        }
        for (Map<String, Object> row : rows) {
            assertThat(workerLines).as("plan log lines of %s", row.get("tenantId")).anySatisfy(line -> {
                assertThat(line.path("message").asText()).startsWith("ONBOARD");
                assertThat(line.path("mdc").path("tenantId").asText()).isEqualTo(row.get("tenantId"));
                assertThat(line.path("mdc").path("onboardingId").asText()).isNotBlank();
                assertThat(line.path("mdc").path("commandId").asText()).isNotBlank();
            });
        }
        assertThat(secrets).allSatisfy(secret -> assertThat(workerLines).noneMatch(line -> line.toString().contains(secret)));
    }

    private static String metricsText(String baseUri) {
        return given().baseUri(baseUri).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Prometheus text: each sample as "name{labels}" (labels as exposed) to its value. */
    private static Map<String, Double> metrics(String baseUri) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : metricsText(baseUri).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // "name{labels} value", then possibly an exemplar (" # {trace_id=...} value timestamp"): tracing links them
            String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
            int space = sample.lastIndexOf(' ');
            samples.put(sample.substring(0, space), Double.parseDouble(sample.substring(space + 1)));
        }
        return samples;
    }

    /** The sum of the samples of this name whose labels include all of these. */
    private static double value(Map<String, Double> samples, String name, Map<String, String> labels) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                .filter(sample -> labels.entrySet().stream()
                        .allMatch(label -> sample.getKey().contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** No plan running and none finished for a second: what other tests started (a connection check) is done. */
    private static void awaitWorkerIdle() {
        double[] finished = {-1};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Double> now = metrics(stack.workerBaseUri().toString());
            double total = value(now, "plans_finished_total", Map.of());
            boolean idle = now.getOrDefault("plans_in_flight", 1.0) == 0.0 && total == finished[0];
            finished[0] = total;
            return idle;
        });
    }

    @Test
    void unverifiedRelayDomainFailsWithAReasonAndChangesNothingInExchange() throws Exception {
        SimulatedTenant tenant = stack.simulator().createTenant(tenant("Fabrikam, Inc.", "fabrikam"));
        String stranger = "not-theirs-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String accountId = relayAccount("Fabrikam", stranger).path("id");

        String location = submit(tenant.tenantId(), accountId, stranger);
        awaitTerminal(location);
        partner().when().get(location).then()
                .body("status", equalTo("FAILED"))
                .body("steps.find { it.step == 'check-tenant' }.outcome", equalTo("FAILED"))
                .body("detail", equalTo(stranger + " is not a domain of this tenant"))
                .body("remediation", org.hamcrest.Matchers.containsString("Microsoft 365 admin center"));
        assertThat(tenant.outboundConnectors()).isEmpty();
    }

    private static void assertSeedConnector(SimulatedTenant tenant) {
        List<OutboundConnector> connectors = tenant.outboundConnectors();
        assertThat(connectors).hasSize(1);
        OutboundConnector connector = connectors.get(0);
        assertThat(connector.name()).isEqualTo("Trustifi Outbound Connector (Send)");
        assertThat(connector.connectorType()).hasToString("OnPremises");
        assertThat(connector.smartHosts()).containsExactly("smtp.trustifi.com");
        assertThat(connector.tlsSettings()).hasToString("DomainValidation");
        assertThat(connector.tlsDomain()).isEqualTo("*.trustifi.com");
        assertThat(connector.isTransportRuleScoped()).isTrue();
        assertThat(connector.useMxRecord()).isFalse();
        assertThat(connector.enabled()).isTrue();
    }

    private static RequestSpecification partner() {
        return given().baseUri(stack.apiBaseUri().toString()).contentType(ContentType.JSON).header("X-Api-Key", apiKey);
    }

    /** Connects the tenant through its administrator's consent (once is enough; again does no harm), then onboards it. */
    /** A PRO relay account of the partner for the customer's domain, as created: its id, and its secret shown this once. */
    private static ExtractableResponse<Response> relayAccount(String customer, String domain) {
        return partner().body(Map.of("customerName", customer, "plan", "PRO", "accessLevel", "ADMIN",
                        "domains", List.of(domain), "mtaHost", "mx." + domain))
                .when().post("/v1/relay-accounts").then().statusCode(201).extract();
    }

    private static String submit(String tenantId, String accountId, String relayDomain) throws IOException, InterruptedException {
        OnboardingApiClient.asPartner(stack.apiBaseUri(), apiKey)
                .connect(tenantId, stack.administratorBrowser(), stack.simulator().tenant(tenantId).orElseThrow().administrator());
        var response = partner()
                .body(Map.of("tenantId", tenantId, "relayAccountId", accountId, "relayDomains", List.of(relayDomain),
                        "testRecipient", "relay-check@fabrikam.example"))
                .when().post("/v1/onboardings")
                .then().statusCode(202).extract();
        record(response.asString());
        return response.header("Location");
    }

    private static void awaitTerminal(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String status = partner().when().get(location).then().statusCode(200).extract().path("status");
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
    }

    private static void record(String body) {
        responses.add(body);
    }

    private static List<String> serviceLogs() throws IOException {
        try (Stream<Path> logs = Files.list(stack.logDirectory())) {
            List<String> lines = new ArrayList<>();
            for (Path log : logs.toList()) {
                lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
            }
            assertThat(lines).as("the services logged something").isNotEmpty();
            return lines;
        }
    }

    /** Every record of every topic of the run, as text. */
    private static List<String> everyKafkaRecord() {
        var admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        List<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = new ArrayList<>(client.listTopics().names().get());
        } catch (Exception e) {
            throw new AssertionError("Topics could not be listed", e);
        }
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "secret-scan-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(300));
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                batch.forEach(record -> records.add(new String(record.value() == null ? new byte[0] : record.value(),
                        StandardCharsets.UTF_8)));
            }
        }
        assertThat(topics).contains("provisioning-commands", "provisioning-status");
        assertThat(records).as("records were read").isNotEmpty();
        return records;
    }

    private static TenantSpec tenant(String displayName, String label) {
        String id = UUID.randomUUID().toString();
        return new TenantSpec(id, label + id.substring(0, 8) + ".onmicrosoft.com", displayName,
                OffsetDateTime.parse("2021-03-04T10:00:00Z"),
                List.of(DomainSpec.verifiedEmailDomain(label + id.substring(0, 8) + ".example", true)));
    }
}
