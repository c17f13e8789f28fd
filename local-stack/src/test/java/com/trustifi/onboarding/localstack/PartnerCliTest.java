package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partner CLI's jar run as a partner runs it, against the whole stack: a CSV of 50 tenants, of
 * which 47 are ready, 2 lack the Exchange Administrator role (they fail, saying so) and 1 was never
 * connected (the API refuses its row). Then the same CSV again, which submits nothing; then, with
 * the role assigned, retry-failed, which onboards the two.
 */
class PartnerCliTest {

    private static final int READY = 47;
    /** The row of the tenant whose administrator never consented. */
    private static final int UNCONNECTED = 20;
    private static final String CSV_HEADER = "tenantId,relayDomains,relayAccountId";

    private static LocalStack stack;
    private static Path work;
    private static PartnerPortal portal;

    @BeforeAll
    static void startStack() throws IOException {
        work = Files.createTempDirectory("partner-cli-test");
        stack = LocalStack.start(ProjectLayout.find(), work.resolve("stack"));
        portal = PartnerPortal.signUp(stack, "CLI partner");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void onboardsACsvOfFiftyTenantsAndRetriesTheFailedOnesOnceFixed() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of(CSV_HEADER));
        List<String> tenantIds = new ArrayList<>();
        List<SimulatedTenant> withoutRole = new ArrayList<>();
        List<SimulatedTenant> tenants = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            SimulatedTenant tenant = stack.simulator().createTenant(spec("clitenant" + n));
            String domain = tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com"))
                    .findFirst().orElseThrow();
            var account = portal.request().body(Map.of("customerName", "CLI customer " + n, "plan", "PRO", "accessLevel", "ADMIN",
                    "domains", List.of(domain), "mtaHost", "mx." + domain)).post("/v1/relay-accounts").then().statusCode(201).extract();
            secrets.add(account.path("relaySecret"));
            tenants.add(tenant);
            if (n != UNCONNECTED) {
                if (n == 7 || n == 33) {
                    tenant.exchangeRoleAssigned(false);
                    withoutRole.add(tenant);
                }
                portal.connect(tenant.tenantId());
            }
            tenantIds.add(tenant.tenantId());
            csv.add(tenant.tenantId() + "," + domain + "," + account.path("id"));
        }
        SimulatedTenant unconnected = tenants.get(UNCONNECTED);
        Path tenantsCsv = work.resolve("tenants.csv");
        Files.write(tenantsCsv, csv, StandardCharsets.UTF_8);
        Path results = work.resolve("results.csv");
        Map<String, String> environment = Map.of("ONBOARDING_API_URL", stack.apiBaseUri().toString(),
                "ONBOARDING_API_KEY", portal.apiKey());

        PartnerCliJar.Run onboard = cli(environment, "onboard", "--csv", tenantsCsv.toString(), "--results", results.toString(),
                "--poll-interval", "1");

        assertThat(onboard.exitCode()).as(onboard.toString()).isEqualTo(1);
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("tenantId,onboardingId,status,detail,remediation,retryable");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split(",", 4)).toList();
        assertThat(rows).as("one line per tenant of the CSV, in its order").hasSize(50)
                .extracting(row -> row[0]).containsExactlyElementsOf(tenantIds);
        assertThat(rows).filteredOn(row -> row[2].equals("SUCCEEDED")).hasSize(READY);
        for (SimulatedTenant tenant : withoutRole) {
            assertThat(lines).filteredOn(line -> line.startsWith(tenant.tenantId())).singleElement().asString()
                    .contains(",FAILED,").contains("Exchange Administrator role");
        }
        assertThat(lines).filteredOn(line -> line.startsWith(unconnected.tenantId())).singleElement().asString()
                .contains(",REJECTED,").contains("tenantId: ").contains("Fix row " + (UNCONNECTED + 1));
        assertThat(onboard.stdout()).contains(READY + " SUCCEEDED", "2 FAILED", "1 REJECTED", "results: " + results);
        assertThat(onboard.stderr()).as("progress, line by line when not on a terminal").contains("] 100%  49/49", "done");
        String batchId = onboard.stdout().lines().findFirst().orElseThrow().replace("batch ", "");
        assertThat(UUID.fromString(batchId)).isNotNull();
        for (String tenantId : tenantIds) {
            SimulatedTenant tenant = stack.simulator().tenant(tenantId).orElseThrow();
            boolean ready = tenant != unconnected && !withoutRole.contains(tenant);
            assertThat(tenant.transportRules()).as(tenantId).hasSize(ready ? 1 : 0);
        }

        PartnerCliJar.Run again = cli(environment, "onboard", "--csv", tenantsCsv.toString(), "--results", work.resolve("again.csv").toString());

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.stdout()).startsWith("batch " + batchId);
        assertThat(again.stderr()).contains("submitted before");
        assertThat(Files.readAllLines(work.resolve("again.csv"))).isEqualTo(lines);

        withoutRole.forEach(tenant -> tenant.exchangeRoleAssigned(true));
        Path config = work.resolve("cli.properties");
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, "api-url=" + stack.apiBaseUri() + "\napi-key=" + portal.apiKey() + "\n");
        Path retryResults = work.resolve("retry.csv");

        PartnerCliJar.Run retry = cli(Map.of(), "retry-failed", batchId, "--config", config.toString(), "--results", retryResults.toString(),
                "--poll-interval", "1");

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        List<String> retried = Files.readAllLines(retryResults);
        assertThat(retried).hasSize(3);
        assertThat(retried.subList(1, 3)).allSatisfy(line -> assertThat(line).contains(",SUCCEEDED,"));
        assertThat(withoutRole).allSatisfy(tenant -> assertThat(tenant.transportRules()).hasSize(1));

        PartnerCliJar.Run status = cli(environment, "status", batchId);
        assertThat(status.exitCode()).as("the first batch still holds its two failures").isEqualTo(1);
        assertThat(status.stdout()).contains("SUCCEEDED " + READY, "FAILED 2", "Exchange Administrator role");

        PartnerCliJar.Run connect = cli(environment, "connect", unconnected.tenantId());
        assertThat(connect.exitCode()).as(connect.toString()).isZero();
        assertThat(connect.stdout().trim()).startsWith(stack.simulator().baseUri().toString())
                .contains("/oauth2/v2.0/authorize?", "scope=openid%20profile", "code_challenge_method=S256");

        String everything = String.join("\n", onboard.toString(), again.toString(), retry.toString(), status.toString(),
                connect.toString(), String.join("\n", lines), Files.readString(retryResults));
        assertThat(everything).doesNotContain(portal.apiKey());
        assertThat(secrets).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
    }

    /** What one run of the CLI printed, and how it ended. */
    private static PartnerCliJar.Run cli(Map<String, String> environment, String... args) throws Exception {
        return PartnerCliJar.run(work, environment, args);
    }

    private static TenantSpec spec(String label) {
        String id = UUID.randomUUID().toString();
        return new TenantSpec(id, label + id.substring(0, 8) + ".onmicrosoft.com", "CLI customer " + label,
                OffsetDateTime.parse("2020-06-01T10:00:00Z"),
                List.of(DomainSpec.verifiedEmailDomain(label + id.substring(0, 8) + ".example", true)));
    }
}
