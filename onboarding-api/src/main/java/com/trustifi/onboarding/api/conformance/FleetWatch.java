package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.api.config.FleetWatchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Starts the checks that fall due, each tick, within the fleet's budget of checks per minute: a tenant's check is a
 * WATCH command to the worker, which only reads. What is not started in one tick stays due for the next, so a
 * backlog drains at the budget's pace instead of all at once. The gauge {@code conformance.tenants} (by state) counts
 * the watched tenants as of the last tick.
 */
@ApplicationScoped
public class FleetWatch {

    private static final Logger LOG = Logger.getLogger(FleetWatch.class);

    private final ConformanceService conformance;
    private final FleetWatchConfig config;
    private final Clock clock;

    private final Map<ConformanceState, AtomicLong> tenantsByState = new EnumMap<>(ConformanceState.class);

    FleetWatch(ConformanceService conformance, FleetWatchConfig config, Clock clock, MeterRegistry registry) {
        this.conformance = conformance;
        this.config = config;
        this.clock = clock;
        for (ConformanceState state : ConformanceState.values()) {
            tenantsByState.put(state, registry.gauge("conformance.tenants", Tags.of("state", state.name()), new AtomicLong()));
        }
    }

    @Scheduled(every = "${onboarding.fleet-watch.tick:1m}", delayed = "${onboarding.fleet-watch.tick:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        sweepAsOf(clock.instant());
        // the gauges follow the fleet once a tick: a count over the table, not a query per scrape
        conformance.countsByState().forEach((state, count) -> tenantsByState.get(state).set(count));
    }

    /** Starts the checks due as of {@code now}, at most one tick's budget; answers how many started. */
    public int sweepAsOf(Instant now) {
        int budget = (int) Math.max(1, config.checksPerMinute() * config.tick().toMillis() / 60_000);
        int started = QuarkusTransaction.requiringNew().call(() -> conformance.startDue(now, budget));
        if (started > 0) {
            LOG.infof("The fleet watch started %d checks", started);
        }
        return started;
    }
}
