package com.trustifi.onboarding.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What onboard and retry-failed do once the API has a batch: follow it to the end, write the
 * results CSV, and say how it went.
 */
final class BatchOutcome {

    /** More failures than this are left to the results file. */
    private static final int FAILURES_SHOWN = 20;

    private final OnboardingApi api;
    private final BatchFollower follower;
    private final PrintWriter out;
    private final PrintWriter err;

    BatchOutcome(OnboardingApi api, BatchFollower follower, PrintWriter out, PrintWriter err) {
        this.api = api;
        this.follower = follower;
        this.out = out;
        this.err = err;
    }

    /** @param submitted the tenant of each submitted row, in order; returns the exit code */
    int follow(BatchReceipt receipt, List<String> submitted, Path resultsFile) {
        out.println("batch " + receipt.id());
        out.flush();
        if (receipt.replayed()) {
            err.println("This input was submitted before (same Idempotency-Key): following that batch, nothing was submitted again.");
        }
        err.println(receipt.accepted() + " accepted, " + receipt.rejected() + " refused");
        receipt.errors().forEach(error -> err.println("  " + error));
        err.flush();
        follower.awaitFinal(receipt.id());
        BatchResults results = BatchResults.of(submitted, receipt.errors(), api.batchResults(receipt.id()));
        results.write(resultsFile);
        Map<String, Long> counts = results.countsByStatus();
        out.println(results.rows().size() + " tenants: " + counts.entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey()).collect(Collectors.joining(", ")));
        List<BatchResults.Row> unsuccessful = results.unsuccessful();
        unsuccessful.stream().limit(FAILURES_SHOWN).forEach(row -> out.println("  " + row.tenantId() + "  " + row.status() + "  "
                + row.detail() + (row.remediation().isBlank() ? "" : "  -> " + row.remediation())));
        if (unsuccessful.size() > FAILURES_SHOWN) {
            out.println("  ... and " + (unsuccessful.size() - FAILURES_SHOWN) + " more");
        }
        out.println("results: " + resultsFile);
        out.flush();
        return results.allSucceeded() ? ExitCodes.ALL_SUCCEEDED : ExitCodes.SOME_FAILED;
    }
}
