package com.trustifi.onboarding.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Polls a batch until every tenant in it is final, showing the progress. An API that stops
 * answering for a while (a restart, a deployment) is waited for, up to {@link #PATIENCE}.
 */
final class BatchFollower {

    static final Duration PATIENCE = Duration.ofMinutes(5);

    private final OnboardingApi api;
    private final ProgressDisplay display;
    private final Duration interval;
    private final Clock clock;

    BatchFollower(OnboardingApi api, ProgressDisplay display, Duration interval, Clock clock) {
        this.api = api;
        this.display = display;
        this.interval = interval;
        this.clock = clock;
    }

    BatchProgress awaitFinal(UUID batchId) {
        Instant unavailableSince = null;
        while (true) {
            BatchProgress progress;
            try {
                progress = api.batch(batchId).orElseThrow(() -> CliFailure.usage("The API knows no batch " + batchId + " for this key"));
                unavailableSince = null;
            } catch (CliFailure failure) {
                if (failure.exitCode() != ExitCodes.UNAVAILABLE) {
                    throw failure;
                }
                Instant now = clock.instant();
                unavailableSince = unavailableSince == null ? now : unavailableSince;
                if (Duration.between(unavailableSince, now).compareTo(PATIENCE) > 0) {
                    display.finish();
                    throw failure;
                }
                display.note(failure.getMessage() + "; trying again");
                sleep();
                continue;
            }
            display.show(ProgressLine.of(progress, clock.instant()));
            if (progress.done()) {
                display.finish();
                return progress;
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unavailable("Interrupted while following the batch");
        }
    }
}
