package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.trustifi.onboarding.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** One fresh tenant with an Exchange token, and the assertions every conformance test shares. */
record ConformanceFixture(SimulatorClient client, SimulatedTenant tenant, String token) {

    static final String EXCHANGE = "https://outlook.office365.com";

    static ConformanceFixture newTenant(ExchangeOnlineSimulator simulator, SimulatorClient client, TenantSpec spec) {
        SimulatedTenant tenant = simulator.createTenant(spec);
        return new ConformanceFixture(client, tenant, client.token(tenant.tenantId(), EXCHANGE));
    }

    HttpResponse<String> invoke(String cmdlet, Map<String, ?> parameters) {
        return client.invoke(tenant.tenantId(), token, cmdlet, parameters);
    }

    /** The {@code value} of a call that must succeed. */
    JsonNode value(String cmdlet, Map<String, ?> parameters) {
        HttpResponse<String> response = invoke(cmdlet, parameters);
        assertThat(response.statusCode()).as(cmdlet + " " + response.body()).isEqualTo(200);
        return json(response).get("value");
    }

    /** Parameters in order, null values allowed (Map.of allows neither). */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** Asserts Exchange's error shape with {@code status} and returns details[0].message, which must contain {@code text}. */
    static String assertCmdletError(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).get("error");
        JsonNode detail = error.get("details").get(0).get("message");
        assertThat(detail.asText()).matches("Ex[0-9A-F]{6}\\|[A-Za-z.]+\\|.*").contains(text);
        return detail.asText();
    }

    static String assertCmdletError(HttpResponse<String> response, String text) {
        return assertCmdletError(response, 400, text);
    }
}
