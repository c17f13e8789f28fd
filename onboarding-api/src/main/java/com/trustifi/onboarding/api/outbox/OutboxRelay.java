package com.trustifi.onboarding.api.outbox;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import com.trustifi.onboarding.api.tracing.TraceParent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes stored provisioning commands (and tenants' generations) to Kafka and marks them published, in one transaction
 * per batch. A crash after the send and before the commit publishes a row twice, which the worker
 * tolerates; nothing is ever lost. It runs as soon as new commands are committed, and every
 * second for anything left over (the scheduler's finest interval).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> commands;
    private final MutinyEmitter<String> generations;
    private final OnboardingConfig config;
    private final Clock clock;
    /** Its own thread: the managed executor would carry the committing request's context over to the task. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(@Channel("provisioning-commands") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> commands,
            @Channel("tenant-generations") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> generations,
            OnboardingConfig config, Clock clock) {
        this.commands = commands;
        this.generations = generations;
        this.config = config;
        this.clock = clock;
    }

    /** Set while a run is queued: a burst of commits queues one run, not one each; a commit during a run queues the next. */
    private final AtomicBoolean queued = new AtomicBoolean();

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                try {
                    publishPending();
                } catch (RuntimeException e) {
                    LOG.warnf("Publishing the outbox failed (%s); the next scheduled run tries again", e.toString());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    // not while the service starts (its Kafka emitter is not connected yet) or stops (its database is closed first)
    @Scheduled(every = "${onboarding.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishPending() {
        int published;
        do {
            // an explicit transaction: this also runs on the executor, where nothing else would start one
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == config.outbox().batchSize());
    }

    private int publishBatch() {
        if (!OutboxMessage.takeRelayTurn()) {
            return 0;
        }
        List<OutboxMessage> pending = OutboxMessage.pending(config.outbox().batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        // sent with the transaction suspended: the sends complete on Kafka's threads, where context propagation would
        // take the transaction along, and Narayana refuses to commit a transaction that other threads are still in
        QuarkusTransaction.suspendingExisting().run(() -> {
            List<Uni<Void>> acks = pending.stream().map(this::send).toList();
            Uni.join().all(acks).andFailFast().await().atMost(config.outbox().publishTimeout());
        });
        var now = clock.instant();
        pending.forEach(message -> message.publishedAt = now);
        LOG.debugf("Published %d outbox records", pending.size());
        return pending.size();
    }

    private Uni<Void> send(OutboxMessage message) {
        MutinyEmitter<String> emitter = Outbox.COMMANDS.equals(message.topic) ? commands : generations;
        return emitter.sendMessage(Message.of(message.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(message.messageKey).build())
                // the record continues the trace of the request that stored it, not the relay's
                .addMetadata(TracingMetadata.withCurrent(TraceParent.context(message.traceParent))));
    }
}
