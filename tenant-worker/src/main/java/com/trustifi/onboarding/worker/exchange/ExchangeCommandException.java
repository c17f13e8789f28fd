package com.trustifi.onboarding.worker.exchange;

import com.trustifi.onboarding.worker.retry.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A cmdlet that Exchange refused, or whose outcome is unknown because no answer came back.
 * The message is Exchange's own text about the failure, with the values of secret parameters taken out.
 */
public class ExchangeCommandException extends RuntimeException {

    /**
     * Exchange's per-tenant concurrency refusal comes as raw text with nothing else to recognise it by [S9]: the one
     * place the worker reads English.
     */
    private static final String CONCURRENCY_LIMIT = "maximum number of concurrent requests";
    /** Exception types that mean "not now": throttling budgets, whatever status they come with. */
    private static final Set<String> THROTTLING_TYPES = Set.of("OverBudgetException", "ThrottlingException");

    private final Cmdlet cmdlet;
    private final int httpStatus;
    private final Optional<String> exceptionType;
    private final boolean concurrencyRefusal;
    private final Optional<Duration> retryAfter;

    private ExchangeCommandException(Cmdlet cmdlet, int httpStatus, String message, Optional<String> exceptionType,
            boolean concurrencyRefusal, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.cmdlet = cmdlet;
        this.httpStatus = httpStatus;
        this.exceptionType = exceptionType;
        this.concurrencyRefusal = concurrencyRefusal;
        this.retryAfter = retryAfter;
    }

    /**
     * @param secrets values sent with the call that must not appear in the message, should Exchange echo one
     */
    /** An answer's text is reported; a front end's raw page or a long trace is not worth reporting whole. */
    private static final int MAX_TEXT = 300;

    public static ExchangeCommandException from(Cmdlet cmdlet, int httpStatus, String retryAfterHeader, ExchangeErrorEnvelope envelope,
            Collection<String> secrets) {
        String text = envelope.text();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "(not shown)");
            }
        }
        // cut only after the secrets are out: a cut through one would leave its beginning
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "...";
        }
        boolean concurrency = envelope.rawText() && envelope.text().contains(CONCURRENCY_LIMIT);
        return new ExchangeCommandException(cmdlet, httpStatus, text, envelope.exceptionTypeName(), concurrency,
                RetryAfter.parse(retryAfterHeader), null);
    }

    static ExchangeCommandException unanswered(Cmdlet cmdlet, IOException cause) {
        return new ExchangeCommandException(cmdlet, 0, "No answer from Exchange Online (" + cause.getClass().getSimpleName() + ")",
                Optional.empty(), false, Optional.empty(), cause);
    }

    public Cmdlet cmdlet() {
        return cmdlet;
    }

    /** 0 when no response came back at all. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The .NET exception type's simple name (e.g. ManagementObjectNotFoundException), when Exchange named one. */
    public Optional<String> exceptionType() {
        return exceptionType;
    }

    /** Whether Exchange named {@code simpleName} as the exception type. */
    public boolean isType(String simpleName) {
        return exceptionType.filter(simpleName::equals).isPresent();
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Throttled, briefly unavailable, or over the per-tenant concurrency limit: the call was not run. */
    public boolean wasNotRun() {
        return httpStatus == 429 || httpStatus == 503 || concurrencyRefusal
                || exceptionType.filter(THROTTLING_TYPES::contains).isPresent();
    }

    /** No answer, a gateway timeout or a server error: the cmdlet may or may not have run. */
    public boolean outcomeUnknown() {
        return !wasNotRun() && (httpStatus == 0 || httpStatus == 408 || httpStatus == 504 || httpStatus >= 500);
    }

    public boolean isRead() {
        return cmdlet.isRead();
    }
}
