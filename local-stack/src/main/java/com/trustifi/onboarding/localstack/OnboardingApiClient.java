package com.trustifi.onboarding.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.signin.AdministratorBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What an operator and a partner portal do with the API: sign a partner up, open a relay account, onboard, poll. */
final class OnboardingApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI baseUri;
    private String apiKey;

    OnboardingApiClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** A client acting as a partner that already has its API key. */
    static OnboardingApiClient asPartner(URI baseUri, String apiKey) {
        var client = new OnboardingApiClient(baseUri);
        client.apiKey = apiKey;
        return client;
    }

    /** Creates a partner with the operator key and acts as that partner from then on. */
    void signUpPartner(String operatorKey, String name) throws IOException, InterruptedException {
        JsonNode partner = post("/v1/operator/partners", Map.of("X-Operator-Key", operatorKey), Map.of("name", name), 201);
        apiKey = partner.path("apiKey").asText();
    }

    /** The partner's API key, as the operator handed it over. */
    String apiKey() {
        return apiKey;
    }

    /** A connect link for the tenant, for its administrator to open. */
    URI connectLink(String tenantId) throws IOException, InterruptedException {
        return URI.create(post("/v1/tenant-connections", partner(), Map.of("tenantId", tenantId), 201).path("consentUrl").asText());
    }

    /** Seed steps 1-6: a PRO plan, an admin, the customer's domain and MTA; returns the account's id. */
    String openRelayAccount(String customerName, List<String> domains, String mtaHost) throws IOException, InterruptedException {
        return openRelayAccountWithSecret(customerName, domains, mtaHost).id();
    }

    /** A relay account, and its secret as the API shows it once, when the account is opened. */
    record OpenedRelayAccount(String id, String relaySecret) {
    }

    OpenedRelayAccount openRelayAccountWithSecret(String customerName, List<String> domains, String mtaHost)
            throws IOException, InterruptedException {
        JsonNode account = post("/v1/relay-accounts", partner(), Map.of("customerName", customerName, "plan", "PRO",
                "accessLevel", "ADMIN", "domains", domains, "mtaHost", mtaHost), 201);
        return new OpenedRelayAccount(account.path("id").asText(), account.path("relaySecret").asText());
    }

    /** One row of a batch. */
    record BatchRow(String tenantId, String relayAccountId, List<String> relayDomains) {
    }

    /** Submits one batch; returns the receipt (id, accepted, rejected, errors). */
    JsonNode submitBatch(List<BatchRow> rows) throws IOException, InterruptedException {
        return post("/v1/batches", partner(), Map.of("rows", rows), 202);
    }

    /** A batch's progress. */
    JsonNode batch(String batchId) throws IOException, InterruptedException {
        return get("/v1/batches/" + batchId);
    }

    /** One page (of at most 500) of the partner's onboardings in a batch. */
    JsonNode onboardingsOfBatch(String batchId) throws IOException, InterruptedException {
        return get("/v1/onboardings?limit=500&batchId=" + batchId);
    }

    /** The partner's tenant connections with their checks. */
    JsonNode connections() throws IOException, InterruptedException {
        return get("/v1/tenant-connections");
    }

    /** Has the fleet watch check every tenant of the partner now; answers how many became due. */
    int checkConformanceNow() throws IOException, InterruptedException {
        return post("/v1/conformance/checks", partner(), Map.of(), 202).path("due").asInt();
    }

    /** One page (of at most 500) of the partner's watched tenants, after the cursor (null: the first). */
    JsonNode conformance(String cursor) throws IOException, InterruptedException {
        return get("/v1/conformance?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path, partner()).GET());
        expect(response, 200);
        return json.readTree(response.body());
    }

    /**
     * Connects a customer tenant to the partner as a partner portal and the customer's administrator
     * would: the portal asks for a connect link, the administrator opens it, signs in, accepts on the
     * consent page, and lands on the API's result page.
     */
    void connect(String tenantId, AdministratorBrowser browser, String administrator) throws IOException, InterruptedException {
        AdministratorBrowser.Page page = browser.connect(connectLink(tenantId), administrator, DirectoryUser.DEFAULT_PASSWORD);
        if (page.status() != 200 || !page.body().contains("id=\"check-status\"")) {
            throw new IOException("Connecting tenant " + tenantId + " ended on " + page.uri().getPath() + " with " + page.status());
        }
    }

    /** Returns the Location to poll. */
    URI submit(String tenantId, String relayAccountId, List<String> relayDomains) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/v1/onboardings", partner())
                .POST(body(Map.of("tenantId", tenantId, "relayAccountId", relayAccountId, "relayDomains", relayDomains))));
        expect(response, 202);
        return baseUri.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    JsonNode poll(URI location) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(location).header("X-Api-Key", apiKey).GET());
        expect(response, 200);
        return json.readTree(response.body());
    }

    private Map<String, String> partner() {
        return Map.of("X-Api-Key", apiKey);
    }

    private JsonNode post(String path, Map<String, String> headers, Map<String, ?> body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path, headers).POST(body(body)));
        expect(response, status);
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private HttpRequest.BodyPublisher body(Map<String, ?> body) throws IOException {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
