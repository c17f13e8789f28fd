package com.trustifi.onboarding.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's error JSON, whose {@code details[].message} is {@code code|.NET type|text}. */
final class ExchangeErrorBody {

    private ExchangeErrorBody() {
    }

    static Map<String, Object> of(CmdletException failure) {
        String type = failure.dotNetType();
        String text = failure.getMessage();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", "Context");
        detail.put("target", "");
        detail.put("message", failure.errorCode() + "|" + type + "|" + text);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", text);
        inner.put("type", type);
        inner.put("internalException", Map.of("message", text));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(failure.httpStatus()));
        error.put("message", "|" + type + "|" + text);
        error.put("details", List.of(detail));
        error.put("innererror", inner);
        return Map.of("error", error);
    }

    private static String code(int httpStatus) {
        return switch (httpStatus) {
            case 403 -> "Forbidden";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalServerError";
            default -> "BadRequest";
        };
    }

    /** The shape of a refused token; Exchange's own 401 carries little more than this. */
    static Map<String, Object> unauthorized(String message) {
        return Map.of("error", Map.of("code", "Unauthorized", "message", message));
    }

    static Map<String, Object> notFound(String path) {
        return Map.of("error", Map.of("code", "NotFound", "message", "No admin API endpoint at " + path));
    }
}
