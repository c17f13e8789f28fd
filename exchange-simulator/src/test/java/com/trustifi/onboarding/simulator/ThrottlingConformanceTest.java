package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.fault.FaultProfile;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** exchange-reference.md section 6, "Throttling": Exchange's concurrency refusal and Graph's throttled answers. */
class ThrottlingConformanceTest extends RunningSimulator {

    @Test
    void concurrencyRefusal_rawTextNotJson() throws Exception {
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, client, TestTenants.withCustomDomain("Northwind Traders"));
        simulator.setTenantFaults(fixture.tenant().tenantId(), FaultProfile.NONE.withLatency(300).withMaxConcurrentPerTenant(1));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> fixture.invoke("Get-TransportRule", Map.of())));
            }
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }

        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(refused.body()).startsWith("You have reached the maximum number of concurrent requests per tenant. Please wait and try again")
                .doesNotContain("{");
    }

    @Test
    void graphThrottling_retryAfterThrottleScopeAndThrottleInformation() {
        SimulatedTenant tenant = simulator.createTenant(TestTenants.withCustomDomain("Fabrikam, Inc."));
        String token = client.token(tenant.tenantId(), "https://graph.microsoft.com");
        simulator.setTenantFaults(tenant.tenantId(), FaultProfile.NONE.withGraphThrottling(1.0, 5));

        HttpResponse<String> response = client.get("/v1.0/organization", token);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("x-ms-throttle-scope"))
                .hasValue("Tenant_Application/ReadWrite/" + SimulatorOptions.DEFAULT_CLIENT_ID + "/" + tenant.tenantId());
        assertThat(response.headers().firstValue("x-ms-throttle-information")).hasValue("ResourceUnitLimitExceeded");
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("TooManyRequests");
    }
}
