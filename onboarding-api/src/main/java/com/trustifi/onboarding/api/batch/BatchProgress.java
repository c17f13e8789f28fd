package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far a batch's onboardings have got.
 *
 * @param activations the SUCCEEDED onboardings by whether they are confirmed in effect yet
 * @param percentDone           finished (terminal) onboardings out of all, rounded down to a tenth of a percent
 * @param estimatedCompletionAt when the last one should finish at the rate they have finished so far since the
 *                              batch was submitted; null until one has finished
 */
public record BatchProgress(Map<OnboardingStatus, Long> counts, Map<Activation, Long> activations, long total, long finished,
        double percentDone, Instant estimatedCompletionAt) {

    public BatchProgress {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        activations = Collections.unmodifiableMap(new EnumMap<>(activations));
    }

    static BatchProgress of(Map<OnboardingStatus, Long> found, Map<Activation, Long> foundActivations, Instant submittedAt, Instant now) {
        Map<Activation, Long> activations = new EnumMap<>(Activation.class);
        for (Activation activation : Activation.values()) {
            activations.put(activation, foundActivations.getOrDefault(activation, 0L));
        }
        Map<OnboardingStatus, Long> counts = new EnumMap<>(OnboardingStatus.class);
        for (OnboardingStatus status : OnboardingStatus.values()) {
            counts.put(status, found.getOrDefault(status, 0L));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long finished = counts.entrySet().stream().filter(entry -> entry.getKey().isTerminal())
                .mapToLong(Map.Entry::getValue).sum();
        double percentDone = total == 0 ? 100.0 : Math.floor(finished * 1000.0 / total) / 10.0;
        Instant eta = null;
        if (finished > 0) {
            Duration elapsed = Duration.between(submittedAt, now);
            eta = now.plus(elapsed.multipliedBy(total - finished).dividedBy(finished));
        }
        return new BatchProgress(counts, activations, total, finished, percentDone, eta);
    }
}
