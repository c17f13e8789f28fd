package com.trustifi.onboarding.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.ErrorShape;
import com.trustifi.onboarding.worker.plan.StepFailures;
import com.trustifi.onboarding.worker.retry.Failure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The worker's reading of failures as the simulator sends them, in the 2026 envelope and in the 2023 one. */
class SimulatedExchangeErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static ExchangeOnlineSimulator simulator;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(state));
        http = HttpClient.newBuilder().sslContext(simulator.clientTrust()).build();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(ErrorShape.class)
    void objectNotFoundIsPermanentAndNamedByType(ErrorShape shape) throws Exception {
        SimulatedTenant tenant = tenant(shape);

        ExchangeCommandException failure = call(tenant, Cmdlet.SET_TRANSPORT_RULE, Map.of("Identity", "Nope", "Comments", "x"));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.exceptionType()).contains("ManagementObjectNotFoundException");
        assertThat(failure.getMessage()).startsWith("The operation couldn't be performed because object 'Nope' couldn't be found");
        assertThat(Failure.of(failure).isPermanent()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ErrorShape.class)
    void unknownParametersAndBadValuesAreOurBugsNotRetried(ErrorShape shape) throws Exception {
        SimulatedTenant tenant = tenant(shape);

        ExchangeCommandException unknown = call(tenant, Cmdlet.GET_TRANSPORT_RULE, Map.of("Bogus", 1));
        ExchangeCommandException badEnum = call(tenant, Cmdlet.NEW_TRANSPORT_RULE, Map.of("Name", "r", "Mode", "Sometimes"));

        assertThat(unknown.exceptionType()).contains("AmbiguousParameterSetException");
        assertThat(badEnum.exceptionType()).contains("ParameterTransformationException");
        assertThat(badEnum.getMessage()).contains("Specify one of the following enumerator names");
        assertThat(Failure.of(unknown).isPermanent()).isTrue();
        assertThat(Failure.of(badEnum).isPermanent()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ErrorShape.class)
    void dehydratedTenantGetsItsRemedy(ErrorShape shape) throws Exception {
        SimulatedTenant tenant = simulator.createTenant(spec(true));
        tenant.errorShape(shape);

        ExchangeCommandException failure = call(tenant, Cmdlet.NEW_TRANSPORT_RULE, Map.of("Name", "r"));

        assertThat(failure.exceptionType()).contains("InvalidOperationInDehydratedContextException");
        assertThat(new StepFailures().describe(ProvisioningStep.ENSURE_TRANSPORT_RULE, failure).remediation())
                .contains("Enable-OrganizationCustomization");
    }

    @Test
    void missingRoleWithANulBodyStillTellsWhatToDo() throws Exception {
        SimulatedTenant tenant = tenant(ErrorShape.CURRENT);
        String token = token(tenant);
        tenant.exchangeRoleAssigned(false);

        ExchangeCommandException failure = call(tenant, token, Cmdlet.GET_ORGANIZATION_CONFIG, Map.of());

        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(failure.getMessage()).doesNotContain("\0").contains("HTTP 403");
        assertThat(Failure.of(failure).isPermanent()).isTrue();
        assertThat(new StepFailures().describe(ProvisioningStep.CHECK_TENANT, failure).remediation())
                .contains("Exchange Administrator role");
    }

    private static SimulatedTenant tenant(ErrorShape shape) {
        SimulatedTenant tenant = simulator.createTenant(spec(false));
        tenant.errorShape(shape);
        return tenant;
    }

    private static TenantSpec spec(boolean dehydrated) {
        String id = UUID.randomUUID().toString();
        return new TenantSpec(id, "w" + id.substring(0, 8) + ".onmicrosoft.com", "Worker test", OffsetDateTime.parse("2021-01-01T00:00:00Z"),
                List.of(), dehydrated, List.of());
    }

    private static ExchangeCommandException call(SimulatedTenant tenant, Cmdlet cmdlet, Map<String, ?> parameters) throws Exception {
        return call(tenant, token(tenant), cmdlet, parameters);
    }

    /** What ExchangeAdminClient does with a refused call, without its retrying and credentials. */
    private static ExchangeCommandException call(SimulatedTenant tenant, String token, Cmdlet cmdlet, Map<String, ?> parameters)
            throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("CmdletInput", Map.of("CmdletName", cmdlet.wireName(), "Parameters", parameters)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUri() + "/adminapi/beta/" + tenant.tenantId() + "/InvokeCommand"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(400);
        ExchangeErrorEnvelope envelope = ExchangeErrorEnvelope.read(response.statusCode(), response.body(),
                response.headers().firstValue("X-ExceptionType").orElse(null), JSON);
        return ExchangeCommandException.from(cmdlet, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                envelope, List.of());
    }

    private static String token(SimulatedTenant tenant) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + SimulatorOptions.DEFAULT_CLIENT_ID + "&client_secret="
                + URLEncoder.encode(SimulatorOptions.DEFAULT_CLIENT_SECRET, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://outlook.office365.com/.default", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/" + tenant.tenantId()
                        + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
