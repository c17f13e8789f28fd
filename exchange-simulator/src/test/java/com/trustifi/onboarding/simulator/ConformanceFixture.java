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

    /**
     * The failure as {@code Type|text}, wherever the envelope carries it: the 2026 envelope's
     * {@code innererror.internalexception} (always there), else {@code details[0].message} ({@code |Type|text} in 2026,
     * {@code ExNNNNNN|Type|text} in 2023).
     */
    static String typeAndText(HttpResponse<String> response) {
        JsonNode error = json(response).get("error");
        JsonNode internal = error.path("innererror").path("internalexception");
        if (internal.isObject()) {
            return internal.get("type").asText() + "|" + internal.get("message").asText();
        }
        String detail = error.get("details").get(0).get("message").asText();
        return detail.substring(detail.indexOf('|') + 1);
    }

    /** Asserts an error with {@code status} whose {@code Type|text} contains {@code text}, and returns that {@code Type|text}. */
    static String assertCmdletError(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String typeAndText = typeAndText(response);
        assertThat(typeAndText).as(response.body()).contains(text);
        return typeAndText;
    }

    static String assertCmdletError(HttpResponse<String> response, String text) {
        return assertCmdletError(response, 400, text);
    }

    /** Asserts status and exact exception type strictly, and that the text starts with {@code textStart}. */
    static void assertCmdletError(HttpResponse<String> response, int status, String type, String textStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String typeAndText = typeAndText(response);
        assertThat(typeAndText.substring(0, typeAndText.indexOf('|'))).as(response.body()).isEqualTo(type);
        assertThat(typeAndText.substring(typeAndText.indexOf('|') + 1)).as(response.body()).startsWith(textStart);
    }

    /** The not-found answer every missing -Identity gets. */
    static void assertNotFound(HttpResponse<String> response, String identity) {
        assertCmdletError(response, 404, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                "The operation couldn't be performed because object '" + identity + "' couldn't be found on '");
    }
}
