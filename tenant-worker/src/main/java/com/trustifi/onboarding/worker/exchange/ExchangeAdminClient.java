package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.worker.config.TenantHttpClients;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import com.trustifi.onboarding.worker.identity.TenantCredentials;
import com.trustifi.onboarding.worker.metrics.ProvisioningMetrics;
import com.trustifi.onboarding.worker.retry.Backoff;
import com.trustifi.onboarding.worker.retry.Failure;
import com.trustifi.onboarding.worker.retry.Retrying;
import com.trustifi.onboarding.worker.tracing.PlanSpans;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jboss.logging.Logger;

/**
 * Runs Exchange Online cmdlets over the admin REST endpoint that EXO PowerShell uses underneath
 * ({@code POST /adminapi/beta/{tenant}/InvokeCommand}). The endpoint is not officially documented,
 * so it stays behind this one class. A call that was throttled or refused for load is sent again
 * after the wait Exchange asked for; a write whose outcome is unknown is not: its step reads again.
 */
@Singleton
public class ExchangeAdminClient {

    private static final Logger LOG = Logger.getLogger(ExchangeAdminClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** Exchange routes app-only calls by this well-known system mailbox of the tenant. */
    private static final String ANCHOR_MAILBOX = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private final TenantHttpClients http;
    private final ObjectMapper json;
    private final TenantCredentials credentials;
    private final TenantCallLimiter limiter;
    private final ProvisioningMetrics metrics;
    private final PlanSpans spans;
    private final WorkerConfig.Exchange exchange;
    private final Retrying retrying;

    ExchangeAdminClient(TenantHttpClients http, ObjectMapper json, TenantCredentials credentials, TenantCallLimiter limiter,
            WorkerConfig config, ProvisioningMetrics metrics, PlanSpans spans) {
        this.metrics = metrics;
        this.spans = spans;
        this.http = http;
        this.json = json;
        this.credentials = credentials;
        this.limiter = limiter;
        this.exchange = config.exchange();
        this.retrying = new Retrying(new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
                config.retry().callAttempts());
    }

    /** Runs one cmdlet and returns every object it output, following paging. */
    public List<JsonNode> invoke(String tenantId, Cmdlet cmdlet, Map<String, ?> parameters) {
        byte[] body = requestBody(cmdlet, parameters);
        List<String> secrets = parameters.entrySet().stream()
                .filter(parameter -> ParameterDiff.isSensitive(parameter.getKey()) && parameter.getValue() != null)
                .map(parameter -> String.valueOf(parameter.getValue()))
                .toList();
        List<JsonNode> objects = new ArrayList<>();
        HttpUrl url = HttpUrl.get(exchange.baseUrl().toString()).newBuilder()
                .addPathSegments("adminapi/beta").addPathSegment(tenantId).addPathSegment("InvokeCommand")
                .build();
        while (url != null) {
            HttpUrl page = url;
            JsonNode answer = retrying.run(() -> limiter.call(tenantId, () -> post(tenantId, cmdlet, page, body, secrets)),
                    ExchangeAdminClient::repeatable,
                    // the status only: Exchange's text could echo a parameter, and parameters can be secret
                    (attempt, wait, failure) -> {
                        int status = ((ExchangeCommandException) failure).httpStatus();
                        metrics.retried("exchange", status, wait);
                        LOG.debugf("%s for %s answered HTTP %d; again in %d ms", cmdlet, tenantId, status, wait.toMillis());
                    });
            answer.path("value").forEach(objects::add);
            // the next page is fetched by posting the same body to the link
            url = answer.hasNonNull("@odata.nextLink") ? HttpUrl.get(answer.get("@odata.nextLink").asText()) : null;
        }
        return objects;
    }

    /** Sent again at once (after the wait): calls Exchange did not run, and reads whose answer was lost. */
    private static Optional<Failure> repeatable(RuntimeException failure) {
        Failure classified = Failure.of(failure);
        boolean read = failure instanceof ExchangeCommandException exchange && exchange.isRead();
        if (classified.kind() == Failure.Kind.TRANSIENT || classified.kind() == Failure.Kind.UNKNOWN && read) {
            return Optional.of(Failure.transientFailure(classified.retryAfter()));
        }
        return Optional.empty();
    }

    private JsonNode post(String tenantId, Cmdlet cmdlet, HttpUrl url, byte[] body, List<String> secrets) {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + credentials.accessToken(tenantId, exchange.scope()))
                .header("X-AnchorMailbox", ANCHOR_MAILBOX + tenantId)
                .header("Prefer", "odata.maxpagesize=1000")
                .header("client-request-id", UUID.randomUUID().toString())
                .header("X-CmdletName", cmdlet.wireName())
                .post(RequestBody.create(body, JSON))
                .build();
        long started = System.nanoTime();
        int status = 0;
        Span span = spans.exchangeCall(cmdlet.wireName());
        try (Response response = http.forTenant(tenantId).newCall(request).execute()) {
            status = response.code();
            // bytes, not a String: Jackson reads UTF-8 itself, with no decoding to characters first
            byte[] answer = response.body() == null ? new byte[0] : response.body().bytes();
            if (!response.isSuccessful()) {
                ExchangeErrorEnvelope envelope = ExchangeErrorEnvelope.read(status, new String(answer, StandardCharsets.UTF_8),
                        response.header("X-ExceptionType"), json);
                throw ExchangeCommandException.from(cmdlet, status, response.header("Retry-After"), envelope, secrets);
            }
            return readBody(answer);
        } catch (IOException e) {
            throw ExchangeCommandException.unanswered(cmdlet, e);
        } finally {
            metrics.exchangeCall(cmdlet.wireName(), status, System.nanoTime() - started);
            PlanSpans.ended(span, status);
        }
    }

    private JsonNode readBody(byte[] answer) {
        try {
            JsonNode body = json.readTree(answer);
            // an empty answer reads as a missing node
            return body == null || body.isMissingNode() ? json.createObjectNode() : body;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private byte[] requestBody(Cmdlet cmdlet, Map<String, ?> parameters) {
        try {
            var input = new java.util.LinkedHashMap<String, Object>();
            input.put("CmdletName", cmdlet.wireName());
            input.put("Parameters", parameters);
            return json.writeValueAsBytes(Map.of("CmdletInput", input));
        } catch (IOException e) {
            throw new IllegalArgumentException(cmdlet + " parameters cannot be written as JSON");
        }
    }
}
