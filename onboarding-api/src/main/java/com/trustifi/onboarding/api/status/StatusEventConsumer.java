package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.conformance.ConformanceService;
import com.trustifi.onboarding.api.connection.TenantConnections;
import com.trustifi.onboarding.api.database.DatabaseUnreachable;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStep;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.tracing.AppliedEventSpans;
import com.trustifi.onboarding.api.webhook.Webhook;
import com.trustifi.onboarding.api.webhook.Webhooks;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StatusReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the worker's status events, a poll of reports at a time: one transaction records the poll's new events in one
 * statement (the processed-event table makes "at least once" "once"), locks their onboardings in one statement and
 * applies the events in the order they came. Offsets are committed only after that transaction.
 * While PostgreSQL cannot be reached, the poll is tried again, with backoff, for as long as the outage lasts: nacking
 * it would send it through the retry topics to the dead-letter topic, and its onboardings would never finish.
 * An event that cannot be applied for another reason is found by applying the poll's events one at a time; only its
 * report (and an unreadable record) is nacked, to the retry topics and then the dead-letter topic, the report's other
 * events applied.
 * The counter {@code status.events.applied} (by command kind, step and outcome) counts the events applied.
 */
@ApplicationScoped
public class StatusEventConsumer {

    private static final Logger LOG = Logger.getLogger(StatusEventConsumer.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(15);

    private final Clock clock;
    private final Webhooks webhooks;
    private final MeterRegistry registry;
    private final AppliedEventSpans spans;
    private final TenantConnections connections;
    private final ConformanceService conformance;

    StatusEventConsumer(Clock clock, Webhooks webhooks, MeterRegistry registry, AppliedEventSpans spans, TenantConnections connections,
            ConformanceService conformance) {
        this.connections = connections;
        this.conformance = conformance;
        this.clock = clock;
        this.webhooks = webhooks;
        this.registry = registry;
        this.spans = spans;
    }

    @Incoming("provisioning-status")
    @Blocking
    public CompletionStage<Void> apply(KafkaRecordBatch<String, StatusReport> batch) throws InterruptedException {
        List<KafkaRecord<String, StatusReport>> records = batch.getRecords();
        List<CompletionStage<Void>> settled = new ArrayList<>();
        List<KafkaRecord<String, StatusReport>> readable = new ArrayList<>();
        for (KafkaRecord<String, StatusReport> record : records) {
            if (record.getPayload() == null) {
                settled.add(record.nack(new IllegalArgumentException("A record on the status topic is not a status report")));
            } else {
                readable.add(record);
            }
        }
        try {
            whileDatabaseUnreachable(() -> applyAll(readable.stream().flatMap(record -> record.getPayload().events().stream()).toList()));
            readable.forEach(record -> {
                spans.applied(record);
                settled.add(record.ack());
            });
        } catch (RuntimeException batchFailed) {
            LOG.warnf("A poll of %d status reports could not be applied together (%s); applying them one at a time",
                    readable.size(), batchFailed.getClass().getSimpleName());
            for (KafkaRecord<String, StatusReport> record : readable) {
                Optional<RuntimeException> failed = applyReport(record.getPayload());
                if (failed.isEmpty()) {
                    spans.applied(record);
                    settled.add(record.ack());
                } else {
                    settled.add(record.nack(failed.get()));
                }
            }
        }
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }

    /**
     * A report as a whole, or else its events one at a time, so that one that cannot be applied does not hold back the
     * others (the onboarding's end among them); the record is nacked if one failed, and a redelivery skips those applied.
     */
    private Optional<RuntimeException> applyReport(StatusReport report) throws InterruptedException {
        try {
            whileDatabaseUnreachable(() -> applyAll(report.events()));
            return Optional.empty();
        } catch (RuntimeException reportFailed) {
            // found below, event by event
        }
        Optional<RuntimeException> first = Optional.empty();
        for (StatusEvent event : report.events()) {
            try {
                whileDatabaseUnreachable(() -> applyAll(List.of(event)));
            } catch (RuntimeException failed) {
                LOG.errorf(failed, "Status event %s could not be applied", event.eventId());
                first = first.or(() -> Optional.of(failed));
            }
        }
        return first;
    }

    private void whileDatabaseUnreachable(Runnable work) throws InterruptedException {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnreachable.isCauseOf(e)) {
                    throw e;
                }
                LOG.warnf("PostgreSQL is unreachable; the status events are applied again in %s", wait);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /** Applies the events in one transaction; counts those applied once it has committed. */
    private void applyAll(List<StatusEvent> events) {
        List<AppliedEvent> applied = QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, StatusEvent> distinct = new LinkedHashMap<>();
            events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
            Set<UUID> fresh = ProcessedEvent.recordNew(distinct.values(), clock.instant());
            List<StatusEvent> toApply = distinct.values().stream().filter(event -> fresh.contains(event.eventId())).toList();
            if (toApply.size() < distinct.size()) {
                LOG.debugf("%d status events were already applied", distinct.size() - toApply.size());
            }
            Map<UUID, Onboarding> onboardings = Onboarding.lockedForUpdate(toApply.stream().map(StatusEvent::onboardingId).toList());
            Map<OnboardingStep.Key, OnboardingStep> steps = OnboardingStep.namedBy(toApply);
            Map<UUID, Webhook> partnerWebhooks = webhooks.ofPartners(onboardings.values().stream()
                    .map(onboarding -> onboarding.partnerId).filter(id -> id != null).distinct().toList());
            List<AppliedEvent> done = new ArrayList<>();
            for (StatusEvent event : toApply) {
                Onboarding onboarding = onboardings.get(event.onboardingId());
                if (onboarding == null) {
                    LOG.warnf("Status event %s names unknown onboarding %s", event.eventId(), event.onboardingId());
                    continue;
                }
                done.add(new AppliedEvent(event, onboarding.kind));
                OnboardingStatus before = onboarding.status;
                onboarding.apply(event, steps);
                Optional<Webhook> webhook = Optional.ofNullable(partnerWebhooks.get(onboarding.partnerId));
                webhooks.statusApplied(onboarding, before, event, webhook);
                if (ConsentWithdrawal.reportedBy(event) && onboarding.partnerId != null
                        && connections.consentWithdrawn(onboarding.partnerId, onboarding.tenantId, event.detail(), event.occurredAt())) {
                    webhooks.consentWithdrawn(onboarding, event, webhook);
                } else if (onboarding.kind == CommandKind.CHECK_CONNECTION && onboarding.status == OnboardingStatus.SUCCEEDED
                        && before != OnboardingStatus.SUCCEEDED && onboarding.partnerId != null) {
                    connections.consentRestored(onboarding.partnerId, onboarding.tenantId);
                }
                if (!before.isTerminal() && onboarding.status.isTerminal()) {
                    conformance.finished(onboarding, event);
                }
            }
            return done;
        });
        applied.forEach(one -> registry.counter("status.events.applied", "kind", one.kind().name(),
                "step", one.event().step().name(), "outcome", one.event().outcome().name()).increment());
    }

    private record AppliedEvent(StatusEvent event, CommandKind kind) {
    }
}
