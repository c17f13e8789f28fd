package com.trustifi.onboarding.api.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Stores provisioning commands for the relay to publish, in the caller's transaction, keyed by
 * tenant id so that one tenant's commands stay in order.
 *
 * <p>The rows are written as one JDBC batch on the transaction's own connection. Through
 * Hibernate, each row's identity key would cost a round trip of its own, and a batch of 10,000
 * onboardings would spend most of its time on them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_message (message_key, payload, created_at) values (?, ?, ?)";

    /** Fired with each append, so that the relay publishes once the transaction has committed. */
    public record Appended(int commands) {
    }

    private final EntityManager entityManager;
    private final Event<Appended> appended;

    Outbox(EntityManager entityManager, Event<Appended> appended) {
        this.entityManager = entityManager;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<ProvisioningCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ProvisioningCommand command : commands) {
                    insert.setString(1, command.tenantId());
                    insert.setString(2, toJson(command));
                    insert.setObject(3, command.issuedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        appended.fire(new Appended(commands.size()));
    }

    private static String toJson(ProvisioningCommand command) {
        try {
            return WireJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A provisioning command could not be written", e);
        }
    }
}
