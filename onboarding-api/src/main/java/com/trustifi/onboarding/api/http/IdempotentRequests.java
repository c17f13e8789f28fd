package com.trustifi.onboarding.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a creating request safe to retry with an {@code Idempotency-Key}: the same key with the
 * same request answers the stored response (status, body, Location, Retry-After); with another
 * request it is 422; while the first request still runs it is 409. A request that fails stores
 * nothing, so its key is released and the request can be sent again.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotentRequests(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** Runs the work in one transaction with the key's record, unless the key has already been answered. */
    public Response run(UUID partnerId, String key, String operation, Object request, Supplier<Response> work) {
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new UnacceptableRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        Optional<IdempotencyRecord> answered = keys.claim(partnerId, key, Sha256.hex(operation + "\n" + write(request)));
        if (answered.isPresent()) {
            return replay(answered.get());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = work.get();
                keys.complete(partnerId, key, response.getStatus(), write(response.getEntity()), write(headersOf(response)));
                return response;
            });
        } catch (RuntimeException e) {
            keys.release(partnerId, key);
            throw e;
        }
    }

    private Response replay(IdempotencyRecord record) {
        var response = Response.status(record.responseStatus).type(MediaType.APPLICATION_JSON).entity(record.responseBody)
                .header("Idempotent-Replayed", "true");
        read(record.responseHeaders).forEach(response::header);
        return response.build();
    }

    private static Map<String, String> headersOf(Response response) {
        var headers = new LinkedHashMap<String, String>();
        for (String name : new String[] {HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER}) {
            Object value = response.getMetadata().getFirst(name);
            if (value != null) {
                headers.put(name, value.toString());
            }
        }
        return headers;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return json.readValue(headers, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response headers could not be read", e);
        }
    }
}
