package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.fault.FaultProfile;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The front end speaks HTTP/2, as Exchange Online's and Graph's do, so that a client carries many calls on one
 * connection; and HTTP/1.1 to a client that asks for it.
 */
class HttpProtocolTest extends RunningSimulator {

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aClientIsAnsweredInTheVersionItAsksFor(HttpClient.Version version) {
        SimulatorClient speaking = new SimulatorClient(simulator, version);
        ConformanceFixture fixture = ConformanceFixture.newTenant(simulator, speaking, TestTenants.withCustomDomain("Vinhos do Douro Lda"));

        HttpResponse<String> answer = fixture.invoke("Get-OrganizationConfig", Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(version);
    }

    /** Over HTTP/2 a dropped call resets its own stream only: the connection carries other tenants' calls. */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aDroppedCallGetsNoAnswerWhileAnotherTenantsCallInFlightIsAnswered(HttpClient.Version version) {
        SimulatorClient speaking = new SimulatorClient(simulator, version);
        ConformanceFixture dropped = ConformanceFixture.newTenant(simulator, speaking, TestTenants.withCustomDomain("Pekarna Novak d.o.o."));
        ConformanceFixture served = ConformanceFixture.newTenant(simulator, speaking, TestTenants.withCustomDomain("Bäckerei Huber GmbH"));
        simulator.setTenantFaults(dropped.tenant().tenantId(), FaultProfile.NONE.withConnectionResetRate(1.0));
        simulator.setTenantFaults(served.tenant().tenantId(), FaultProfile.NONE.withLatency(500, 500));

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> served.invoke("Get-OrganizationConfig", Map.of()));
        assertThatThrownBy(() -> speaking.invokeRaw(dropped.tenant().tenantId(), dropped.token(), "Get-OutboundConnector", Map.of()))
                .isInstanceOf(IOException.class);

        assertThat(inFlight.join().statusCode()).isEqualTo(200);
        assertThat(dropped.tenant().callLog()).singleElement().satisfies(call -> assertThat(call.fault()).isEqualTo("connectionReset"));
    }
}
