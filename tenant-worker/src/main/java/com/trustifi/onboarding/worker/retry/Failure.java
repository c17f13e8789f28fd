package com.trustifi.onboarding.worker.retry;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.kiota.ApiException;
import com.trustifi.onboarding.worker.exchange.ExchangeCommandException;
import com.trustifi.onboarding.worker.identity.EntraRefusal;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a failure means for retrying.
 *
 * @param kind       whether trying again can help, and how
 * @param retryAfter how long the service asked us to wait, when it said so
 */
public record Failure(Kind kind, Optional<Duration> retryAfter) {

    public enum Kind {
        /** Throttled or briefly unavailable; nothing was done: the same call may be sent again. */
        TRANSIENT,
        /** No answer, or an error after a write: it may have been applied. Read again before writing again. */
        UNKNOWN,
        /** Trying again cannot help: a person has to change something first. */
        PERMANENT
    }

    /**
     * The one classifier of what went wrong in a call to Exchange, Graph or Entra: the HTTP status and the exception's
     * type decide, never the words of a message (Exchange's texts change; its concurrency refusal is the exception).
     */
    public static Failure of(RuntimeException failure) {
        if (failure instanceof ExchangeCommandException exchange) {
            if (exchange.wasNotRun()) {
                return transientFailure(exchange.retryAfter());
            }
            return exchange.outcomeUnknown() ? unknown() : permanent();
        }
        if (failure instanceof ApiException graph) {
            int status = graph.getResponseStatusCode();
            return status == 429 || status >= 500 ? transientFailure(graphRetryAfter(graph)) : permanent();
        }
        if (failure instanceof ClientAuthenticationException || EntraRefusal.of(failure).isPresent()) {
            // Entra refused: wrong tenant, no consent, bad credentials; none goes away by itself
            return permanent();
        }
        if (failure instanceof UncheckedIOException || failure.getCause() instanceof java.io.IOException) {
            return unknown();
        }
        return permanent();
    }

    private static Optional<Duration> graphRetryAfter(ApiException graph) {
        return graph.getResponseHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .flatMap(RetryAfter::parse);
    }

    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }

    public static Failure permanent() {
        return new Failure(Kind.PERMANENT, Optional.empty());
    }

    public static Failure unknown() {
        return new Failure(Kind.UNKNOWN, Optional.empty());
    }

    public static Failure transientFailure(Optional<Duration> retryAfter) {
        return new Failure(Kind.TRANSIENT, retryAfter);
    }
}
