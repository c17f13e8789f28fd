package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import com.trustifi.onboarding.worker.identity.TenantCredentials;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs Exchange Online cmdlets over the admin REST endpoint that EXO PowerShell uses underneath
 * ({@code POST /adminapi/beta/{tenant}/InvokeCommand}). The endpoint is not officially documented,
 * so it stays behind this one class.
 */
@Singleton
public class ExchangeAdminClient {

    private static final MediaType JSON = MediaType.get("application/json");
    /** Exchange routes app-only calls by this well-known system mailbox of the tenant. */
    private static final String ANCHOR_MAILBOX = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final TenantCredentials credentials;
    private final WorkerConfig.Exchange exchange;

    ExchangeAdminClient(OkHttpClient http, ObjectMapper json, TenantCredentials credentials, WorkerConfig config) {
        this.http = http;
        this.json = json;
        this.credentials = credentials;
        this.exchange = config.exchange();
    }

    /** Runs one cmdlet and returns every object it output, following paging. */
    public List<JsonNode> invoke(String tenantId, String cmdlet, Map<String, ?> parameters) {
        byte[] body = requestBody(cmdlet, parameters);
        List<JsonNode> objects = new ArrayList<>();
        HttpUrl url = HttpUrl.get(exchange.baseUrl().toString()).newBuilder()
                .addPathSegments("adminapi/beta").addPathSegment(tenantId).addPathSegment("InvokeCommand")
                .build();
        while (url != null) {
            JsonNode page = post(tenantId, cmdlet, url, body);
            page.path("value").forEach(objects::add);
            // the next page is fetched by posting the same body to the link
            url = page.hasNonNull("@odata.nextLink") ? HttpUrl.get(page.get("@odata.nextLink").asText()) : null;
        }
        return objects;
    }

    private JsonNode post(String tenantId, String cmdlet, HttpUrl url, byte[] body) {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + credentials.accessToken(tenantId, exchange.scope()))
                .header("X-AnchorMailbox", ANCHOR_MAILBOX + tenantId)
                .header("Prefer", "odata.maxpagesize=1000")
                .header("client-request-id", UUID.randomUUID().toString())
                .header("X-CmdletName", cmdlet)
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode payload = readBody(response);
            if (!response.isSuccessful()) {
                throw ExchangeCommandException.from(cmdlet, response.code(), payload);
            }
            return payload;
        } catch (IOException e) {
            throw ExchangeCommandException.unanswered(cmdlet, e);
        }
    }

    private JsonNode readBody(Response response) throws IOException {
        String text = response.body() == null ? "" : response.body().string();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode().put("unparsed", text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    private byte[] requestBody(String cmdlet, Map<String, ?> parameters) {
        try {
            return json.writeValueAsBytes(Map.of("CmdletInput", Map.of("CmdletName", cmdlet, "Parameters", parameters)));
        } catch (IOException e) {
            throw new IllegalArgumentException("Parameters of " + cmdlet + " cannot be written as JSON", e);
        }
    }
}
