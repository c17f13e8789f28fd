package com.trustifi.onboarding.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import com.trustifi.onboarding.worker.retry.RetryAfter;

/**
 * A cmdlet that Exchange refused, or whose outcome is unknown because no answer came back.
 * The message is Exchange's own text about the failure: it never contains request parameters.
 */
public class ExchangeCommandException extends RuntimeException {

    private static final String CONCURRENCY_LIMIT = "maximum number of concurrent requests";

    private final Cmdlet cmdlet;
    private final int httpStatus;
    private final Optional<Duration> retryAfter;

    private ExchangeCommandException(Cmdlet cmdlet, int httpStatus, String message,
            Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.cmdlet = cmdlet;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /**
     * Exchange puts the useful text in error.details[].message as "code|.NET type|text"; the
     * top-level message is often only "BadRequest".
     */
    static ExchangeCommandException from(Cmdlet cmdlet, int httpStatus, String retryAfterHeader, JsonNode body) {
        JsonNode error = body.path("error");
        String detail = error.path("details").path(0).path("message").asText("");
        String topLevel = error.path("message").asText("");
        String[] parts = (detail.isEmpty() ? topLevel : detail).split("\\|", 3);
        String text = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        if (text.isBlank()) {
            text = "HTTP " + httpStatus;
        }
        return new ExchangeCommandException(cmdlet, httpStatus, text, RetryAfter.parse(retryAfterHeader), null);
    }

    static ExchangeCommandException unanswered(Cmdlet cmdlet, IOException cause) {
        return new ExchangeCommandException(cmdlet, 0,
                "No answer from Exchange Online (" + cause.getClass().getSimpleName() + ")", Optional.empty(), cause);
    }

    public Cmdlet cmdlet() {
        return cmdlet;
    }

    /** 0 when no response came back at all. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Throttled, briefly unavailable, or over the per-tenant concurrency limit: the call was not run. */
    public boolean wasNotRun() {
        return httpStatus == 429 || httpStatus == 503
                || getMessage() != null && getMessage().contains(CONCURRENCY_LIMIT);
    }

    /** No answer, a gateway timeout or a server error: the cmdlet may or may not have run. */
    public boolean outcomeUnknown() {
        return !wasNotRun() && (httpStatus == 0 || httpStatus == 408 || httpStatus == 504 || httpStatus >= 500);
    }

    public boolean isRead() {
        return cmdlet.isRead();
    }
}
