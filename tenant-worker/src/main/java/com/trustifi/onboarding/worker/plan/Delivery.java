package com.trustifi.onboarding.worker.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * Which delivery of a command this is, and whether a later one will come.
 *
 * @param number      0 for the first delivery
 * @param redelivery  the delay before the next delivery, if the plan is deferred; empty on the last one
 */
public record Delivery(int number, Optional<Duration> redelivery) {

    public static Delivery redeliverableAfter(int number, Duration delay) {
        return new Delivery(number, Optional.of(delay));
    }

    public static Delivery last(int number) {
        return new Delivery(number, Optional.empty());
    }
}
