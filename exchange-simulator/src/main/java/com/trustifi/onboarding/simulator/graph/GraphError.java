package com.trustifi.onboarding.simulator.graph;

import com.sun.net.httpserver.HttpExchange;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Microsoft Graph error answer: {@code {"error":{"code","message","innerError":{date, request-id, client-request-id}}}}. */
record GraphError(int httpStatus, String code, String message) {

    static GraphError invalidToken(String message) {
        return new GraphError(401, "InvalidAuthenticationToken", message);
    }

    static GraphError notFound(String path) {
        return new GraphError(404, "Request_ResourceNotFound", "Resource '" + path + "' does not exist or one of its queried reference-property objects are not present.");
    }

    /** Graph's throttled answer; the text is the one Graph's throttling guide shows. */
    static GraphError throttled() {
        return new GraphError(429, "TooManyRequests", "Too many requests. Please try again later.");
    }

    static GraphError methodNotAllowed() {
        return new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }

    Map<String, Object> body(HttpExchange exchange, String requestId, Instant now) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        inner.put("request-id", requestId);
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        inner.put("client-request-id", clientRequestId == null ? requestId : clientRequestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return Map.of("error", error);
    }
}
