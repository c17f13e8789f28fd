package com.trustifi.onboarding.api.onboarding.poll;

import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.onboarding.OnboardingStep;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StepOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What partner portals poll: one onboarding with its steps, read in one indexed statement, with no persistence
 * context and no transaction. Through Hibernate a poll cost over a millisecond of CPU, most of it the transaction's
 * flush walking the entities it had just loaded; portals polling a large batch ask for thousands a second. The
 * onboarding it returns is a copy for reading: nothing written to it is saved.
 */
@ApplicationScoped
public class OnboardingStatusQuery {

    private static final String SELECT = """
            select o.id, o.kind, o.origin_id, o.tenant_id, o.relay_account_id, o.batch_id, o.relay_domains,
                   o.limited_scope_group, o.limited_scope_senders, o.test_recipient, o.requested_profile,
                   o.applied_profile, o.dns_records, o.status, o.activation, o.activation_detail, o.detail,
                   o.remediation, o.retryable, o.last_sequence, o.created_at, o.updated_at,
                   s.step, s.outcome, s.detail, s.remediation, s.attempt, s.next_attempt_at, s.sequence, s.updated_at
            from onboarding o left join onboarding_step s on s.onboarding_id = o.id
            where o.id = ? and o.partner_id = ?
            order by s.sequence""";
    /** The first of the step's columns: null in the one row of an onboarding without steps. */
    private static final int STEP = 23;

    private final DataSource database;

    public OnboardingStatusQuery(DataSource database) {
        this.database = database;
    }

    /** The partner's onboarding with this id; another partner's is as absent as one that does not exist. */
    public Optional<Onboarding> find(UUID partnerId, UUID id) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            select.setObject(2, partnerId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Onboarding onboarding = onboarding(rows);
                onboarding.partnerId = partnerId;
                do {
                    if (rows.getString(STEP) != null) {
                        onboarding.steps.add(step(rows, onboarding));
                    }
                } while (rows.next());
                return Optional.of(onboarding);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read onboarding " + id, e);
        }
    }

    private static Onboarding onboarding(ResultSet row) throws SQLException {
        var onboarding = new Onboarding();
        onboarding.id = row.getObject(1, UUID.class);
        onboarding.kind = CommandKind.valueOf(row.getString(2));
        onboarding.originId = row.getObject(3, UUID.class);
        onboarding.tenantId = row.getString(4);
        onboarding.relayAccountId = row.getObject(5, UUID.class);
        onboarding.batchId = row.getObject(6, UUID.class);
        onboarding.relayDomains = strings(row.getArray(7));
        onboarding.limitedScopeGroup = row.getString(8);
        onboarding.limitedScopeSenders = strings(row.getArray(9));
        onboarding.testRecipient = row.getString(10);
        onboarding.requestedProfile = named(row.getString(11), RelayProfileName::valueOf);
        onboarding.appliedProfile = named(row.getString(12), RelayProfileName::valueOf);
        onboarding.dnsRecords = row.getString(13);
        onboarding.status = OnboardingStatus.valueOf(row.getString(14));
        onboarding.activation = named(row.getString(15), Activation::valueOf);
        onboarding.activationDetail = row.getString(16);
        onboarding.detail = row.getString(17);
        onboarding.remediation = row.getString(18);
        onboarding.retryable = row.getBoolean(19);
        onboarding.lastSequence = row.getLong(20);
        onboarding.createdAt = instant(row, 21);
        onboarding.updatedAt = instant(row, 22);
        return onboarding;
    }

    private static OnboardingStep step(ResultSet row, Onboarding onboarding) throws SQLException {
        var step = new OnboardingStep();
        step.onboarding = onboarding;
        step.step = ProvisioningStep.valueOf(row.getString(STEP));
        step.outcome = StepOutcome.valueOf(row.getString(24));
        step.detail = row.getString(25);
        step.remediation = row.getString(26);
        step.attempt = row.getInt(27);
        step.nextAttemptAt = instant(row, 28);
        step.sequence = row.getLong(29);
        step.updatedAt = instant(row, 30);
        return step;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static <E> E named(String name, Function<String, E> valueOf) {
        return name == null ? null : valueOf.apply(name);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
