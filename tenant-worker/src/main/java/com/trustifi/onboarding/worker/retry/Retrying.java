package com.trustifi.onboarding.worker.retry;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one retry loop: runs an operation until it succeeds, its failure is not worth retrying,
 * or the attempts run out; waits with {@link Backoff} in between.
 */
public final class Retrying {

    /** Called before each wait, so callers can report the retry. */
    public interface RetryListener {
        void retrying(int failedAttempt, Duration wait, RuntimeException failure);
    }

    private final Backoff backoff;
    private final int attempts;

    public Retrying(Backoff backoff, int attempts) {
        this.backoff = backoff;
        this.attempts = attempts;
    }

    /**
     * @param retryable decides from a failure whether to try again, and how long the service asked to wait;
     *                  an empty answer means "do not retry"
     */
    public <T> T run(Supplier<T> operation, Function<RuntimeException, java.util.Optional<Failure>> retryable,
            RetryListener listener) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException failure) {
                var worthRetrying = retryable.apply(failure);
                if (worthRetrying.isEmpty() || attempt >= attempts) {
                    throw failure;
                }
                Duration wait = backoff.delay(attempt, worthRetrying.get().retryAfter());
                listener.retrying(attempt, wait, failure);
                sleep(wait, failure);
            }
        }
    }

    private static void sleep(Duration wait, RuntimeException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
