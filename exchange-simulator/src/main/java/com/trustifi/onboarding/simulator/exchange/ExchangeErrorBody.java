package com.trustifi.onboarding.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's error JSON in either envelope Exchange has been seen to send. */
final class ExchangeErrorBody {

    private static final String ODATA_EXCEPTION = "Microsoft.Exchange.Admin.OData.Core.ODataServiceException";

    private ExchangeErrorBody() {
    }

    static Map<String, Object> of(CmdletException failure, ErrorShape shape) {
        return shape == ErrorShape.LEGACY_2023 ? legacy(failure) : current(failure);
    }

    private static Map<String, Object> current(CmdletException failure) {
        String text = failure.getMessage();
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put("message", text);
        internal.put("type", failure.dotNetType());
        internal.put("stacktrace", "");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", "Invalid Operation");
        inner.put("type", ODATA_EXCEPTION);
        inner.put("stacktrace", "");
        inner.put("internalexception", internal);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(failure.httpStatus()));
        error.put("message", "Invalid Operation");
        if (!failure.innerErrorOnly()) {
            error.put("details", List.of(detail("Client", "|" + failure.dotNetType() + "|" + text)));
        }
        error.put("innererror", inner);
        return Map.of("error", error);
    }

    private static Map<String, Object> legacy(CmdletException failure) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", "Error executing cmdlet");
        inner.put("type", ODATA_EXCEPTION);
        inner.put("stacktrace", "");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(failure.httpStatus()));
        error.put("message", "Error executing cmdlet");
        error.put("details", List.of(detail("Context",
                failure.legacyCode() + "|" + failure.dotNetType() + "|" + failure.getMessage())));
        error.put("innererror", inner);
        return Map.of("error", error);
    }

    private static Map<String, Object> detail(String code, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("target", "");
        detail.put("message", message);
        return detail;
    }

    private static String code(int httpStatus) {
        return switch (httpStatus) {
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
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
