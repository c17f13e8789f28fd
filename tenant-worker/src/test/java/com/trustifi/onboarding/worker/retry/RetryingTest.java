package com.trustifi.onboarding.worker.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryingTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(8));

    @RepeatedTest(20)
    void backoffIsNeverShorterThanRetryAfterNorLongerThanItsCeilingOtherwise() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(30, Optional.empty())).isBetween(Duration.ofMillis(4), Duration.ofMillis(8));
    }

    @Test
    void retriesUntilSuccessAndReportsEachWait() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> reported = new ArrayList<>();

        String result = new Retrying(backoff, 5).run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
            }
            return "done";
        }, failure -> Optional.of(Failure.transientFailure(Optional.empty())), (attempt, wait, failure) -> reported.add(attempt));

        assertThat(result).isEqualTo("done");
        assertThat(reported).containsExactly(1, 2);
    }

    @Test
    void aFailureNotWorthRetryingIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new Retrying(backoff, 5).run(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("refused");
        }, failure -> Optional.empty(), (attempt, wait, failure) -> { }))
                .hasMessage("refused");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpAfterItsAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new Retrying(backoff, 3).run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still busy");
        }, failure -> Optional.of(Failure.transientFailure(Optional.empty())), (attempt, wait, failure) -> { }))
                .hasMessage("still busy");
        assertThat(calls).hasValue(3);
    }
}
