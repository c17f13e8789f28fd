package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import java.util.List;

/** A batch, its progress, and the first of its failed onboardings ({@link Batches#FAILED_LISTED}). */
public record BatchReport(OnboardingBatch batch, BatchProgress progress, List<Onboarding> failed) {

    public BatchReport {
        failed = List.copyOf(failed);
    }
}
