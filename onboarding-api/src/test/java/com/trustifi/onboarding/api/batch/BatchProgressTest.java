package com.trustifi.onboarding.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchProgressTest {

    private static final Instant SUBMITTED = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void noEstimateUntilAnOnboardingHasFinished() {
        BatchProgress progress = BatchProgress.of(Map.of(OnboardingStatus.ACCEPTED, 3L, OnboardingStatus.RUNNING, 1L), Map.of(),
                SUBMITTED, SUBMITTED.plusSeconds(60));

        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.percentDone()).isZero();
        assertThat(progress.estimatedCompletionAt()).isNull();
        assertThat(progress.counts()).containsEntry(OnboardingStatus.SUCCEEDED, 0L).hasSize(OnboardingStatus.values().length);
    }

    @Test
    void theEstimateExtendsTheRateSoFarToTheRest() {
        // 1 of 3 finished in 10 minutes: the other 2 take 20 more
        BatchProgress progress = BatchProgress.of(Map.of(OnboardingStatus.FAILED, 1L, OnboardingStatus.RUNNING, 2L), Map.of(),
                SUBMITTED, SUBMITTED.plusSeconds(600));

        assertThat(progress.finished()).isEqualTo(1);
        assertThat(progress.percentDone()).isEqualTo(33.3);
        assertThat(progress.estimatedCompletionAt()).isEqualTo(SUBMITTED.plusSeconds(1800));
    }

    @Test
    void aFinishedBatchIsDoneNow() {
        Instant now = SUBMITTED.plusSeconds(90);
        BatchProgress progress = BatchProgress.of(Map.of(OnboardingStatus.SUCCEEDED, 2L, OnboardingStatus.CANCELED, 1L), Map.of(),
                SUBMITTED, now);

        assertThat(progress.percentDone()).isEqualTo(100.0);
        assertThat(progress.estimatedCompletionAt()).isEqualTo(now);
    }
}
