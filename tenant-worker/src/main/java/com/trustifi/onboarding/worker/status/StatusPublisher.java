package com.trustifi.onboarding.worker.status;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StatusReport;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes a run's status events as {@link StatusReport}s keyed by tenant id and waits for Kafka's acknowledgement,
 * so that a command is committed only after everything it reported is safely stored.
 */
@ApplicationScoped
public class StatusPublisher {

    private final MutinyEmitter<StatusReport> reports;
    private final Duration timeout;

    StatusPublisher(@Channel("provisioning-status") MutinyEmitter<StatusReport> reports, WorkerConfig config) {
        this.reports = reports;
        this.timeout = config.publishTimeout();
    }

    /** A reporter for one run of the command, starting now. */
    public StatusReporter reporterFor(ProvisioningCommand command) {
        return new StatusReporter(command, this::publish, Instant.now());
    }

    void publish(List<StatusEvent> events) {
        StatusReport report = StatusReport.of(events);
        reports.sendMessage(Message.of(report)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(report.tenantId()).build())
                        // the event continues the plan's trace, whichever thread Kafka's client sends it from
                        .addMetadata(TracingMetadata.withCurrent(Context.current())))
                .await().atMost(timeout);
    }
}
