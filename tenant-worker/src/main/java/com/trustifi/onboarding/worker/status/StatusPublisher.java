package com.trustifi.onboarding.worker.status;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes status events keyed by tenant id and waits for Kafka's acknowledgement, so that a
 * command is committed only after everything it reported is safely stored.
 */
@ApplicationScoped
public class StatusPublisher {

    private final MutinyEmitter<StatusEvent> events;
    private final Duration timeout;

    StatusPublisher(@Channel("provisioning-status") MutinyEmitter<StatusEvent> events, WorkerConfig config) {
        this.events = events;
        this.timeout = config.publishTimeout();
    }

    /** A reporter for one run of the command, starting now. */
    public StatusReporter reporterFor(ProvisioningCommand command) {
        return new StatusReporter(command, this::publish, Instant.now());
    }

    void publish(StatusEvent event) {
        events.sendMessage(Message.of(event)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.tenantId()).build())
                        // the event continues the plan's trace, whichever thread Kafka's client sends it from
                        .addMetadata(TracingMetadata.withCurrent(Context.current())))
                .await().atMost(timeout);
    }
}
