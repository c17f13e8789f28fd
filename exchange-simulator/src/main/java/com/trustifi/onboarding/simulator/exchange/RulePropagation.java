package com.trustifi.onboarding.simulator.exchange;

import java.time.Duration;

/** How long a transport rule change takes to reach the transport service; changeable while the simulator runs. */
public final class RulePropagation {

    private volatile Duration delay;

    public RulePropagation(Duration delay) {
        this.delay = requireValid(delay);
    }

    public Duration delay() {
        return delay;
    }

    public void delay(Duration newDelay) {
        this.delay = requireValid(newDelay);
    }

    private static Duration requireValid(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("the propagation delay must be zero or positive: " + delay);
        }
        return delay;
    }
}
