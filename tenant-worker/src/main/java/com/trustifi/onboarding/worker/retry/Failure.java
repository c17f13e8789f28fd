package com.trustifi.onboarding.worker.retry;

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
