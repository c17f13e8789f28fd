package com.trustifi.onboarding.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The partner API as the CLI uses it. Every call sends the key in {@code X-Api-Key}; a refusal
 * becomes a {@link CliFailure} whose message is the API's problem detail, field by field.
 */
final class OnboardingApi {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ApiSettings settings;

    OnboardingApi(ApiSettings settings) {
        this.settings = settings;
    }

    URI baseUrl() {
        return settings.apiUrl();
    }

    /** POST /v1/batches as text/csv; a row without a relay account uses {@code relayAccountId}, if given. */
    BatchReceipt submitCsv(String csv, UUID relayAccountId, String idempotencyKey) {
        String query = relayAccountId == null ? "" : "?relayAccountId=" + URLEncoder.encode(relayAccountId.toString(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("/v1/batches" + query).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        return receipt(send(request));
    }

    /** POST /v1/batches as JSON: each row an onboarding body. */
    BatchReceipt submitRows(List<Map<String, Object>> rows, String idempotencyKey) {
        HttpRequest.Builder request = request("/v1/batches").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofByteArray(write(Map.of("rows", rows))));
        return receipt(send(request));
    }

    /** GET /v1/batches/{id}; empty when this partner has no such batch. */
    Optional<BatchProgress> batch(UUID id) {
        HttpResponse<String> response = send(request("/v1/batches/" + id).GET());
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(expectOk(response), BatchProgress.class));
    }

    /** GET /v1/batches/{id}/results.csv: one line per accepted tenant. */
    String batchResults(UUID id) {
        return expectOk(send(request("/v1/batches/" + id + "/results.csv").header("Accept", "text/csv").GET())).body();
    }

    /**
     * Every FAILED onboarding of the batch, oldest first, from GET /v1/onboardings a page at a time: the batch report
     * lists only the first of them.
     */
    List<BatchProgress.Failure> failedOnboardings(UUID batchId) {
        List<BatchProgress.Failure> failed = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=500&status=FAILED&batchId=" + batchId + cursorParameter(cursor);
            JsonNode page = read(expectOk(send(request("/v1/onboardings" + query).GET())), JsonNode.class);
            for (JsonNode item : page.path("items")) {
                failed.add(new BatchProgress.Failure(UUID.fromString(item.path("id").asText()), item.path("tenantId").asText(),
                        item.path("detail").asText(null), item.path("remediation").asText(null), item.path("retryable").asBoolean()));
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return failed;
    }

    /** GET /v1/onboardings/{id} with its steps; empty when this partner has no such onboarding. */
    Optional<JsonNode> onboarding(UUID id) {
        HttpResponse<String> response = send(request("/v1/onboardings/" + id).GET());
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(expectOk(response), JsonNode.class));
    }

    /** GET /v1/conformance: one page of the partner's watched tenants in the state, after the cursor (null: the first). */
    JsonNode conformance(String state, String cursor) {
        String query = "?limit=500&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8) + cursorParameter(cursor);
        return read(expectOk(send(request("/v1/conformance" + query).GET())), JsonNode.class);
    }

    /** The query's cursor parameter, after the first; none for the first page (null). */
    private static String cursorParameter(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    /** POST /v1/tenant-connections: a connect link for the tenant's administrator. */
    ConnectLink connectLink(String tenantId) {
        HttpRequest.Builder request = request("/v1/tenant-connections").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(Map.of("tenantId", tenantId))));
        return read(expect(send(request), 201), ConnectLink.class);
    }

    private BatchReceipt receipt(HttpResponse<String> response) {
        JsonNode body = read(expect(response, 202), JsonNode.class);
        List<ApiProblem.FieldError> errors = json.convertValue(body.path("errors"),
                json.getTypeFactory().constructCollectionType(List.class, ApiProblem.FieldError.class));
        return new BatchReceipt(UUID.fromString(body.path("id").asText()), body.path("accepted").asInt(), body.path("rejected").asInt(),
                errors, response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.apiUrl() + path)).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .header("X-Api-Key", settings.apiKey());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JDK's message is often empty (a refused connection): name the failure's kind as well
            throw CliFailure.unavailable("The API at " + settings.apiUrl() + " could not be reached ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unavailable("Interrupted while calling " + built.method() + " " + built.uri().getPath());
        }
    }

    private HttpResponse<String> expectOk(HttpResponse<String> response) {
        return expect(response, 200);
    }

    private HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() == status) {
            return response;
        }
        String what = response.request().method() + " " + response.request().uri().getPath();
        String problem = problem(response).map(ApiProblem::describe).orElse("The API answered " + response.statusCode());
        String message = what + ": " + problem;
        int code = response.statusCode();
        if (code == 401) {
            message += "\nCheck the API key (" + ApiSettings.KEY_VARIABLE + " or " + ApiSettings.KEY_PROPERTY + " in the config file)";
        }
        throw code >= 500 || code == 429 ? CliFailure.unavailable(message) : CliFailure.usage(message);
    }

    private Optional<ApiProblem> problem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(response.body(), ApiProblem.class));
        } catch (JsonProcessingException notAProblem) {
            return Optional.empty();
        }
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw CliFailure.unavailable(response.request().method() + " " + response.request().uri().getPath()
                    + " answered what the CLI cannot read: " + e.getOriginalMessage());
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request body could not be written", e);
        }
    }
}
