package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A cmdlet that Exchange refused, or whose outcome is unknown because no answer came back.
 * The message is Exchange's own text about the failure: it never contains request parameters.
 */
public class ExchangeCommandException extends RuntimeException {

    private final String cmdlet;
    private final int httpStatus;
    private final String errorType;

    private ExchangeCommandException(String cmdlet, int httpStatus, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.cmdlet = cmdlet;
        this.httpStatus = httpStatus;
        this.errorType = errorType;
    }

    /**
     * Exchange puts the useful text in error.details[].message as "code|.NET type|text"; the
     * top-level message is often only "BadRequest".
     */
    static ExchangeCommandException from(String cmdlet, int httpStatus, JsonNode body) {
        JsonNode error = body.path("error");
        String detail = error.path("details").path(0).path("message").asText("");
        String topLevel = error.path("message").asText("");
        String[] parts = (detail.isEmpty() ? topLevel : detail).split("\\|", 3);
        String type = parts.length == 3 ? parts[1] : error.path("code").asText("");
        String text = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        if (text.isBlank()) {
            text = "HTTP " + httpStatus;
        }
        return new ExchangeCommandException(cmdlet, httpStatus, type, text, null);
    }

    static ExchangeCommandException unanswered(String cmdlet, IOException cause) {
        return new ExchangeCommandException(cmdlet, 0, cause.getClass().getSimpleName(),
                "No answer from Exchange Online: " + cause.getMessage(), cause);
    }

    public String cmdlet() {
        return cmdlet;
    }

    /** 0 when no response came back at all. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The .NET exception type Exchange named, e.g. ManagementObjectNotFoundException. */
    public String errorType() {
        return errorType;
    }
}
