package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The gauge {@code onboardings} by {@code status}: how many onboardings (connection checks included, the fleet
 * watch's checks not) are in each status. One grouped count serves all statuses of a scrape; it is read again at most every few seconds.
 */
@ApplicationScoped
@Startup // gauges are registered by the constructor: made lazily, they would not exist until something asked
public class OnboardingCounts {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Clock clock;
    private Map<OnboardingStatus, Long> counts = new EnumMap<>(OnboardingStatus.class);
    private Instant countedAt = Instant.MIN;

    OnboardingCounts(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        for (OnboardingStatus status : OnboardingStatus.values()) {
            Gauge.builder("onboardings", this, counts -> counts.count(status))
                    .tag("status", status.name())
                    .description("Onboardings in this status")
                    .register(registry);
        }
    }

    synchronized double count(OnboardingStatus status) {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            Map<OnboardingStatus, Long> fresh = new EnumMap<>(OnboardingStatus.class);
            QuarkusTransaction.requiringNew().call(() -> Onboarding.getEntityManager()
                            .createQuery("select o.status, count(o) from Onboarding o where o.watch = false group by o.status", Object[].class)
                            .getResultList())
                    .forEach(row -> fresh.put((OnboardingStatus) row[0], (Long) row[1]));
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
