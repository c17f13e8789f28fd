package com.trustifi.onboarding.worker.metrics;

import com.trustifi.onboarding.model.CommandKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What explains a batch from the worker's side, for Prometheus ({@code /q/metrics}):
 * <ul>
 * <li>{@code exchange.calls} and {@code graph.calls}: latency histograms by cmdlet (or Graph request) and HTTP status
 * ("none" when no answer came);</li>
 * <li>{@code calls.retried} by service and reason (throttled, unavailable, unknown) and {@code calls.retry.wait}, the
 * time waited before those retries, Retry-After included;</li>
 * <li>{@code plans.in.flight} and {@code plans.finished} by command kind and outcome.</li>
 * </ul>
 * Kafka's own client metrics (consumer lag among them) are bound by Quarkus. Tags never carry parameters.
 */
@Singleton
public class ProvisioningMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger plansInFlight = new AtomicInteger();
    private final Map<CallKey, Timer> callTimers = new ConcurrentHashMap<>();

    ProvisioningMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("plans.in.flight", plansInFlight, AtomicInteger::get)
                .description("Provisioning plans running now").register(registry);
    }

    public void exchangeCall(String cmdlet, int httpStatus, long nanos) {
        call("exchange.calls", "cmdlet", cmdlet, httpStatus, nanos);
    }

    public void graphCall(String request, int httpStatus, long nanos) {
        call("graph.calls", "request", request, httpStatus, nanos);
    }

    private void call(String name, String what, String value, int httpStatus, long nanos) {
        // looked up by a plain key: building the meter's id and tags anew for each of ~20 calls a tenant was a cost of its own
        callTimers.computeIfAbsent(new CallKey(name, what, value, httpStatus), key -> Timer.builder(name).tag(what, value)
                        .tag("status", httpStatus == 0 ? "none" : Integer.toString(httpStatus))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One timer per service, request and status: a few dozen at most. */
    private record CallKey(String name, String what, String value, int httpStatus) {
    }

    /** A call about to be sent again after {@code wait}; {@code httpStatus} 0 when no answer came. */
    public void retried(String service, int httpStatus, Duration wait) {
        String reason = httpStatus == 429 ? "throttled" : httpStatus == 503 ? "unavailable" : "unknown";
        registry.counter("calls.retried", "service", service, "reason", reason).increment();
        registry.timer("calls.retry.wait", "service", service).record(wait);
    }

    public void planStarted() {
        plansInFlight.incrementAndGet();
    }

    public void planFinished(CommandKind kind, String outcome) {
        plansInFlight.decrementAndGet();
        registry.counter("plans.finished", "kind", kind.name(), "outcome", outcome).increment();
    }
}
