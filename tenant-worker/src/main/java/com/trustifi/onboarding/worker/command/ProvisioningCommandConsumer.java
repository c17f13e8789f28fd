package com.trustifi.onboarding.worker.command;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.worker.fencing.TenantGenerations;
import com.trustifi.onboarding.worker.metrics.ProvisioningMetrics;
import com.trustifi.onboarding.worker.tracing.PlanSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import com.trustifi.onboarding.worker.plan.Delivery;
import com.trustifi.onboarding.worker.plan.PlanOutcome;
import com.trustifi.onboarding.worker.plan.ProvisioningPlan;
import com.trustifi.onboarding.worker.status.StatusPublisher;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

/**
 * Consumes provisioning commands. Each plan runs on a virtual thread of its own (on Java 21 or newer;
 * on 17, Quarkus falls back to its worker pool), so thousands wait on Exchange and on Retry-After
 * at once without holding a platform thread; the channel bounds how many are in flight. One
 * tenant's commands run one after another; a command's offset is committed only after its plan
 * finished and its events were acknowledged.
 * A plan that ran out of retries on a still-throttled tenant is handed to SmallRye's delayed
 * retry topics (the channel's failure strategy) and runs again later; on its last delivery it
 * fails as retryable instead. Records that cannot be read end on the dead-letter topic.
 */
@ApplicationScoped
public class ProvisioningCommandConsumer {

    private static final Duration GENERATIONS_PATIENCE = Duration.ofSeconds(30);

    private final ProvisioningPlan plan;
    private final StatusPublisher status;
    private final TenantSerialization tenants;
    private final TenantGenerations generations;
    private final List<Duration> redeliveryDelays;
    private final ProvisioningMetrics metrics;
    private final PlanSpans spans;

    ProvisioningCommandConsumer(ProvisioningPlan plan, StatusPublisher status, TenantSerialization tenants,
            TenantGenerations generations, ProvisioningMetrics metrics, PlanSpans spans,
            @ConfigProperty(name = "mp.messaging.incoming.provisioning-commands.delayed-retry-topic.topics") List<String> retryTopics) {
        this.metrics = metrics;
        this.spans = spans;
        this.plan = plan;
        this.status = status;
        this.tenants = tenants;
        this.generations = generations;
        // SmallRye names each retry topic after its delay: <topic>_retry_<milliseconds>
        this.redeliveryDelays = retryTopics.stream()
                .map(topic -> Duration.ofMillis(Long.parseLong(topic.substring(topic.lastIndexOf('_') + 1))))
                .toList();
    }

    @Incoming("provisioning-commands")
    @RunOnVirtualThread
    public void handle(ProvisioningCommand command, IncomingKafkaRecordMetadata<String, ProvisioningCommand> record)
            throws InterruptedException {
        if (command == null) {
            throw new UnreadableCommandException(record.getTopic(), record.getPartition(), record.getOffset());
        }
        // a command from a retry topic may have been canceled meanwhile: know every cancel before running anything
        generations.awaitCaughtUp(GENERATIONS_PATIENCE);
        generations.observe(command);
        int delivery = deliveriesBefore(record);
        Delivery current = delivery < redeliveryDelays.size()
                ? Delivery.redeliverableAfter(redeliveryDelays.get(delivery))
                : Delivery.last();
        metrics.planStarted();
        Span span = spans.command(command, record.getHeaders());
        // every line logged while the plan runs names its tenant, onboarding and command (JSON fields in production);
        // OpenTelemetry adds the trace once the span is current
        MDC.put("tenantId", command.tenantId());
        MDC.put("onboardingId", command.onboardingId().toString());
        MDC.put("commandId", command.commandId().toString());
        PlanOutcome outcome = null;
        try (Scope scope = span.makeCurrent()) {
            outcome = tenants.oneAtATime(command.tenantId(), () -> plan.run(command, status.reporterFor(command), current));
        } finally {
            metrics.planFinished(command.kind(), outcome == null ? "ERROR" : outcome.name());
            span.setAttribute("plan.outcome", outcome == null ? "ERROR" : outcome.name());
            span.end();
            MDC.remove("tenantId");
            MDC.remove("onboardingId");
            MDC.remove("commandId");
        }
        if (outcome == PlanOutcome.DEFERRED) {
            throw new ProvisioningDeferredException(command);
        }
    }

    private static int deliveriesBefore(IncomingKafkaRecordMetadata<String, ProvisioningCommand> record) {
        Header count = record.getHeaders().lastHeader(KafkaDelayedRetryTopic.DELAYED_RETRY_COUNT);
        return count == null ? 0 : Integer.parseInt(new String(count.value(), StandardCharsets.UTF_8));
    }
}
