package com.trustifi.onboarding.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a partner portal does: submit an onboarding, then poll it. */
final class OnboardingApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI baseUri;

    OnboardingApiClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** Returns the Location to poll. */
    URI submit(String tenantId, List<String> relayDomains) throws IOException, InterruptedException {
        byte[] body = json.writeValueAsBytes(Map.of("tenantId", tenantId, "relayDomains", relayDomains));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUri.resolve("/v1/onboardings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("Onboarding of " + tenantId + " was refused: " + response.statusCode() + " " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    JsonNode poll(URI location) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Polling " + location + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
