package com.trustifi.onboarding.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line about a batch in flight: a bar, the tenants finished out of all, the counts by status
 * and the time the API expects the batch to need still.
 *
 * @param counts everything but the ETA, which changes on every poll; a log gets a line only when this changes
 * @param eta    "ETA 3m 05s", or "ETA unknown" until a tenant has finished
 */
record ProgressLine(String counts, String eta) {

    private static final int BAR_WIDTH = 20;
    /** Active statuses first, in the order a tenant goes through them, then final ones. */
    private static final List<String> ORDER = List.of("ACCEPTED", "RUNNING", "PROPAGATING", "CANCELING", "SUCCEEDED", "FAILED",
            "CANCELED");

    static ProgressLine of(BatchProgress progress, Instant now) {
        long total = progress.accepted();
        long finished = progress.finished();
        int percent = total == 0 ? 100 : (int) (finished * 100 / total);
        int filled = total == 0 ? BAR_WIDTH : (int) (finished * BAR_WIDTH / total);
        String statuses = ORDER.stream().filter(status -> progress.count(status) > 0)
                .map(status -> status + " " + progress.count(status)).collect(Collectors.joining("  "));
        String counts = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%3d%%  %d/%d", percent, finished, total) + (statuses.isEmpty() ? "" : "  " + statuses);
        return new ProgressLine(counts, eta(progress, now));
    }

    private static String eta(BatchProgress progress, Instant now) {
        if (progress.done()) {
            return "done";
        }
        if (progress.estimatedCompletionAt() == null) {
            return "ETA unknown";
        }
        Duration left = Duration.between(now, progress.estimatedCompletionAt());
        return "ETA " + (left.isNegative() ? "0s" : duration(left));
    }

    /** 42s, 3m 05s, 1h 02m: seconds stop mattering past an hour. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    @Override
    public String toString() {
        return counts + "  " + eta;
    }
}
