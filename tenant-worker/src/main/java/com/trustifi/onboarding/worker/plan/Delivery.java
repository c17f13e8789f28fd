package com.trustifi.onboarding.worker.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a later delivery of a command will come if this one is deferred.
 *
 * @param redelivery the delay before the next delivery; empty on the last one
 */
public record Delivery(Optional<Duration> redelivery) {

    public static Delivery redeliverableAfter(Duration delay) {
        return new Delivery(Optional.of(delay));
    }

    public static Delivery last() {
        return new Delivery(Optional.empty());
    }
}
