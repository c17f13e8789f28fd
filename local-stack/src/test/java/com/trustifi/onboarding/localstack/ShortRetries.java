package com.trustifi.onboarding.localstack;

import java.util.Map;

/** Worker settings that make its retries take seconds instead of minutes, for tests that wait them out. */
final class ShortRetries {

    private ShortRetries() {
    }

    /** Two calls per step, {@code stepAttempts} runs of a step, then delayed retries after 3 s and 6 s. */
    static Map<String, String> worker(int stepAttempts) {
        return Map.of(
                "worker.retry.call-attempts", "2",
                "worker.retry.step-attempts", String.valueOf(stepAttempts),
                "worker.retry.initial-backoff", "100ms",
                "mp.messaging.incoming.provisioning-commands.delayed-retry-topic.topics",
                "provisioning-commands_retry_3000,provisioning-commands_retry_6000");
    }
}
