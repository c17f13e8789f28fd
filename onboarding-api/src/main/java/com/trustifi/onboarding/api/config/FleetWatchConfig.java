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

    /** The shortest interval a partner may set: each check costs the tenant's Exchange budget about ten reads. */
    @WithDefault("15m")
    Duration minInterval();

    /** The longest interval a partner may set. */
    @WithDefault("7d")
    Duration maxInterval();

    /**
     * Checks started per minute over the whole fleet, whatever falls due: each is about ten Exchange reads, so 600 a
     * minute is about 100 reads a second across all tenants, while a tenant's own calls stay under its cap.
     */
    @WithDefault("600")
    int checksPerMinute();

    /** When a tenant was busy with an onboarding of its partner's, how long before it is tried again. */
    @WithDefault("5m")
    Duration busyRetry();
}
