package com.trustifi.onboarding.api.http;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims Idempotency-Keys. The claim is its own transaction, committed before the request's work
 * starts, so that a concurrent duplicate finds it; the response is recorded in the work's own
 * transaction, so that a key is DONE exactly when the work is stored.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A claim older than this belongs to a request that died without releasing it. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(EntityManager entityManager, Clock clock, OnboardingConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = config.idempotency().retention();
    }

    @Scheduled(every = "1h", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetExpiredHourly() {
        forgetExpired();
    }

    /** Forgets keys older than the retention, so that the table does not grow without end; answers how many. */
    public long forgetExpired() {
        // an explicit transaction: the scheduler calls this from inside the bean
        return QuarkusTransaction.requiringNew().call(
                () -> IdempotencyRecord.delete("createdAt < ?1", clock.instant().minus(retention)));
    }

    /**
     * Claims the key for a request: empty when the caller now owns it and must do the work, or the
     * response recorded for the same request before.
     *
     * @throws IdempotencyConflictException when the key was used with another request, or its request is still running
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<IdempotencyRecord> claim(UUID partnerId, String key, String requestHash) {
        Instant now = clock.instant();
        int claimed = entityManager.createNativeQuery("""
                        insert into idempotency_record (partner_id, idempotency_key, request_hash, state, created_at)
                        values (?1, ?2, ?3, 'IN_FLIGHT', ?4)
                        on conflict (partner_id, idempotency_key) do update
                            set request_hash = excluded.request_hash, created_at = excluded.created_at
                            where idempotency_record.state = 'IN_FLIGHT' and idempotency_record.created_at < ?5""")
                .setParameter(1, partnerId).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, now).setParameter(5, now.minus(ABANDONED_AFTER))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        IdempotencyRecord existing = IdempotencyRecord.findById(new IdempotencyRecord.Key(partnerId, key));
        if (!existing.requestHash.equals(requestHash)) {
            throw new IdempotencyConflictException(false, "This Idempotency-Key was used with another request");
        }
        if (IdempotencyRecord.IN_FLIGHT.equals(existing.state)) {
            throw new IdempotencyConflictException(true, "A request with this Idempotency-Key is still being processed; retry later");
        }
        return Optional.of(existing);
    }

    /** Records the response in the transaction that did the work. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID partnerId, String key, int status, String body, String headers) {
        IdempotencyRecord record = IdempotencyRecord.findById(new IdempotencyRecord.Key(partnerId, key));
        record.state = IdempotencyRecord.DONE;
        record.responseStatus = status;
        record.responseBody = body;
        record.responseHeaders = headers;
    }

    /** Gives the key up after the work failed and stored nothing, so that the same request can be sent again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID partnerId, String key) {
        IdempotencyRecord.delete("id = ?1 and state = ?2", new IdempotencyRecord.Key(partnerId, key), IdempotencyRecord.IN_FLIGHT);
    }
}
