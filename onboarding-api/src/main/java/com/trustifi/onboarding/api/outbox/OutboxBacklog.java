package com.trustifi.onboarding.api.outbox;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * How far the outbox relay is behind: the age of the oldest command not yet on Kafka, as the
 * gauge {@code outbox.oldest.pending.age} (seconds) and as the health group {@code outbox}
 * ({@code /q/health/group/outbox}), DOWN past {@code onboarding.outbox.max-pending-age}. It is not
 * a readiness check: while Kafka is away the API still takes requests, which wait in the outbox.
 */
@ApplicationScoped
@Startup // the gauge is registered by the constructor: made lazily, it would not exist until a health check asked
@HealthGroup("outbox")
public class OutboxBacklog implements HealthCheck {

    private final OnboardingConfig config;
    private final Clock clock;

    OutboxBacklog(OnboardingConfig config, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        Gauge.builder("outbox.oldest.pending.age", this, backlog -> backlog.oldestPendingAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest provisioning command not yet published to Kafka")
                .register(registry);
    }

    Duration oldestPendingAge() {
        return QuarkusTransaction.requiringNew().call(OutboxMessage::oldestPendingSince)
                .map(since -> Duration.between(since, clock.instant()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    @Override
    public HealthCheckResponse call() {
        Duration age = oldestPendingAge();
        return HealthCheckResponse.named("outbox")
                .status(age.compareTo(config.outbox().maxPendingAge()) <= 0)
                .withData("oldestPendingSeconds", age.toSeconds())
                .build();
    }
}
