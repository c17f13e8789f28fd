package com.trustifi.onboarding.api.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.api.tracing.TraceParent;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.TenantGeneration;
import com.trustifi.onboarding.model.WireJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Stores records for the relay to publish, in the caller's transaction, keyed by tenant id so that
 * one tenant's records stay in order: provisioning commands, and tenants' generations after a
 * cancel.
 *
 * <p>The rows are written as one JDBC batch on the transaction's own connection. Through
 * Hibernate, each row's identity key would cost a round trip of its own, and a batch of 10,000
 * onboardings would spend most of its time on them.
 */
@ApplicationScoped
public class Outbox {

    static final String COMMANDS = "provisioning-commands";
    private static final String INSERT =
            "insert into outbox_message (topic, message_key, payload, onboarding_id, created_at, trace_parent) values (?, ?, ?, ?, ?, ?)";

    /** Fired with each append, so that the relay publishes once the transaction has committed. */
    public record Appended(int records) {
    }

    private final EntityManager entityManager;
    private final Event<Appended> appended;
    private final Tracer tracer;

    Outbox(EntityManager entityManager, Event<Appended> appended, Tracer tracer) {
        this.entityManager = entityManager;
        this.appended = appended;
        this.tracer = tracer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<ProvisioningCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        insert(commands.stream().map(command -> new Row(COMMANDS, command.tenantId(), toJson(command), command.onboardingId(),
                command.issuedAt())).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(TenantGeneration generation) {
        insert(List.of(new Row(TenantGeneration.TOPIC, generation.tenantId(), toJson(generation), null, generation.occurredAt())));
    }

    /**
     * Takes back the onboarding's command if it is not published yet: a canceled command is never sent.
     *
     * @return whether it was still unpublished, so that no worker can have it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdraw(UUID onboardingId) {
        return entityManager.createQuery("delete from OutboxMessage m where m.onboardingId = ?1 and m.publishedAt is null")
                .setParameter(1, onboardingId)
                .executeUpdate() > 0;
    }

    private void insert(List<Row> rows) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setString(1, row.topic());
                    insert.setString(2, row.key());
                    insert.setString(3, row.payload());
                    if (row.onboardingId() == null) {
                        insert.setNull(4, Types.OTHER);
                    } else {
                        insert.setObject(4, row.onboardingId());
                    }
                    insert.setObject(5, row.createdAt().atOffset(ZoneOffset.UTC));
                    insert.setString(6, traceParent(row, rows.size()).orElse(null));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        appended.fire(new Appended(rows.size()));
    }

    /**
     * The trace a record continues, kept with it because the relay publishes it later, from its own thread: the
     * request's own, or, for the records of a batch, a trace per onboarding linked to the request's, so that a batch
     * of 10,000 tenants is not one trace of hundreds of thousands of spans.
     */
    private Optional<String> traceParent(Row row, int recordsOfRequest) {
        if (recordsOfRequest == 1 || row.onboardingId() == null) {
            return TraceParent.current();
        }
        Span accepted = tracer.spanBuilder("accept onboarding").setNoParent()
                .addLink(Span.current().getSpanContext())
                .setAttribute("onboarding.id", row.onboardingId().toString())
                .startSpan();
        accepted.end();
        return TraceParent.of(Context.root().with(accepted));
    }

    private record Row(String topic, String key, String payload, UUID onboardingId, Instant createdAt) {
    }

    private static String toJson(Object record) {
        try {
            return WireJson.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record could not be written for the outbox", e);
        }
    }
}
