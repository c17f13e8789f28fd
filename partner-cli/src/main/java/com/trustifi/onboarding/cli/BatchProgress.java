package com.trustifi.onboarding.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A batch as GET /v1/batches/{id} reports it. */
record BatchProgress(UUID id, int accepted, int rejected, Map<String, Long> counts, Instant estimatedCompletionAt,
        List<Failure> failed) {

    /** Statuses an onboarding does not leave. */
    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED");

    BatchProgress {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }

    /** A failed tenant of the batch, with what to do about it. */
    record Failure(UUID onboardingId, String tenantId, String detail, String remediation, boolean retryable) {
    }

    long count(String status) {
        return counts.getOrDefault(status, 0L);
    }

    long finished() {
        return FINAL.stream().mapToLong(this::count).sum();
    }

    boolean done() {
        return finished() >= accepted;
    }

    boolean allSucceeded() {
        return count("SUCCEEDED") == accepted && rejected == 0;
    }
}
