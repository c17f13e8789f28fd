package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTPS client that trusts the simulator only through the truststore it wrote,
 * so every test also proves that the trust material works.
 */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeOnlineSimulator simulator;
    private final HttpClient http;

    SimulatorClient(ExchangeOnlineSimulator simulator) {
        this(simulator, HttpClient.Version.HTTP_2);
    }

    /** A client that asks for {@code version}, as ALPN offers it: the JDK's client asks for HTTP/2 by default. */
    SimulatorClient(ExchangeOnlineSimulator simulator, HttpClient.Version version) {
        this.simulator = simulator;
        this.http = HttpClient.newBuilder().version(version).sslContext(simulator.clientTrust()).build();
    }

    HttpResponse<String> requestToken(String tenant, String clientId, String clientSecret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", scope);
        form.put("client_info", "1");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri("/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An access token from the default test application, failing the test if none is issued. */
    String token(String tenant, String resource) {
        HttpResponse<String> response = requestToken(tenant, SimulatorOptions.DEFAULT_CLIENT_ID,
                SimulatorOptions.DEFAULT_CLIENT_SECRET, resource + "/.default");
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> get(String pathAndQuery, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    HttpResponse<String> get(String pathAndQuery, String bearer, String clientRequestId) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET()
                .header("Authorization", "Bearer " + bearer)
                .header("client-request-id", clientRequestId));
    }

    HttpResponse<String> postJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> invoke(String tenant, String bearer, String cmdletName, Map<String, ?> parameters) {
        return invokeAt(URI.create(simulator.baseUri() + "/adminapi/beta/" + tenant + "/InvokeCommand"), bearer,
                cmdletInput(cmdletName, parameters), Map.of());
    }

    static Map<String, Object> cmdletInput(String cmdletName, Map<String, ?> parameters) {
        return Map.of("CmdletInput", Map.of("CmdletName", cmdletName, "Parameters", parameters));
    }

    /** POSTs a body to an admin API URL (InvokeCommand, a nextLink or $batch) with extra headers such as Prefer. */
    HttpResponse<String> invokeAt(URI url, String bearer, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> batch(String tenant, String bearer, Object body) {
        return invokeAt(URI.create(simulator.baseUri() + "/adminapi/beta/" + tenant + "/$batch"), bearer, body, Map.of());
    }

    HttpResponse<String> putJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Like {@link #invoke} but lets transport failures through, for faults that close the connection. */
    HttpResponse<String> invokeRaw(String tenant, String bearer, String cmdletName, Map<String, ?> parameters) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/adminapi/beta/" + tenant + "/InvokeCommand"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(cmdletInput(cmdletName, parameters))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(simulator.baseUri() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
