package com.trustifi.onboarding.worker.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with equal jitter (between half the ceiling and the ceiling), never shorter than what the service asked for. */
public record Backoff(Duration initial, Duration max) {

    /** The wait before try {@code attempt + 1}, after try {@code attempt} failed. */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        return retryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
    }
}
