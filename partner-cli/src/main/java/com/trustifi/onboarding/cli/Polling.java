package com.trustifi.onboarding.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How often a followed batch is asked for its progress. */
final class Polling {

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between two looks at the batch's progress (default ${DEFAULT-VALUE})")
    private int seconds;

    Duration interval() {
        if (seconds < 1) {
            throw CliFailure.usage("--poll-interval must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }
}
