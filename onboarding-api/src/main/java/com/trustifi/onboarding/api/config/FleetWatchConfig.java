package com.trustifi.onboarding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the fleet watch reads onboarded tenants again. */
@ConfigMapping(prefix = "onboarding.fleet-watch")
public interface FleetWatchConfig {

    /** How often due tenants are looked for; read by the watch's schedule. */
    @WithDefault("1m")
    Duration tick();

    /** How often each tenant is checked unless its partner set another interval. */
    @WithDefault("6h")
    Duration defaultInterval();

    /** The shortest interval a partner may set: each check costs the tenant's Exchange budget four reads. */
    @WithDefault("15m")
    Duration minInterval();

    /** The longest interval a partner may set. */
    @WithDefault("7d")
    Duration maxInterval();

    /**
     * Checks started per minute over the whole fleet, whatever falls due: each is four Exchange reads and one Graph
     * read, so 600 a minute is about 50 calls a second across all tenants, while a tenant's own calls stay under its cap.
     */
    @WithDefault("600")
    int checksPerMinute();

    /**
     * How long after an onboarding SUCCEEDED the check that confirms it in effect waits: Exchange Online can take 30
     * minutes or more to apply a new transport rule.
     */
    @WithDefault("30m")
    Duration activationWait();

    /** How many confirming checks, each {@link #activationWait()} apart, before the onboarding is NOT_PROPAGATED. */
    @WithDefault("4")
    int activationAttempts();

    /** When a tenant was busy with an onboarding of its partner's, how long before it is tried again. */
    @WithDefault("5m")
    Duration busyRetry();
}
