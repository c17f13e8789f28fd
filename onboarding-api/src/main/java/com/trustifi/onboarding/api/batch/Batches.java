package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingService;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.onboarding.order.Admission;
import com.trustifi.onboarding.api.onboarding.order.NumberedOrder;
import com.trustifi.onboarding.api.onboarding.order.RefusedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Accepts batches through the onboarding rules, and reports on them to the partner that submitted them. */
@ApplicationScoped
public class Batches {

    /**
     * Failed onboardings listed in a batch's report, the first by tenant: a poll of a batch that failed whole must not
     * load and answer ten thousand of them; the counts say how many there are, and the onboardings list (filtered by
     * batch and status, paged) and results.csv give every one.
     */
    static final int FAILED_LISTED = 100;

    private final OnboardingService onboardings;
    private final AuditLog audit;
    private final Clock clock;

    Batches(OnboardingService onboardings, AuditLog audit, Clock clock) {
        this.onboardings = onboardings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the batch and its acceptable rows in one transaction.
     *
     * @param rows    the rows that passed validation
     * @param invalid the reasons the other rows failed it
     * @param rowCount how many rows the batch had in all
     * @throws BatchRefusedException when no row can be accepted; then nothing is stored
     */
    @Transactional
    public BatchReceipt submit(UUID partnerId, List<NumberedOrder> rows, List<RefusedRow> invalid, int rowCount) {
        OnboardingBatch batch = OnboardingBatch.of(partnerId, clock.instant());
        batch.persist();
        Admission admission = onboardings.acceptAll(partnerId, batch.id, rows);
        List<RefusedRow> refused = new ArrayList<>(invalid);
        refused.addAll(admission.refused());
        refused.sort(Comparator.comparingInt(RefusedRow::row).thenComparing(RefusedRow::field));
        if (admission.accepted() == 0) {
            throw new BatchRefusedException(refused);
        }
        batch.acceptedCount = admission.accepted();
        batch.rejectedCount = rowCount - admission.accepted();
        audit.record(partnerId, "batch.create", "batch", batch.id);
        return new BatchReceipt(batch.id, batch.acceptedCount, batch.rejectedCount, refused);
    }

    @Transactional
    public Optional<BatchReport> report(UUID partnerId, UUID id) {
        return OnboardingBatch.ofPartner(partnerId, id).map(batch -> {
            Map<OnboardingStatus, Long> counts = new EnumMap<>(OnboardingStatus.class);
            Map<Activation, Long> activations = new EnumMap<>(Activation.class);
            Onboarding.getEntityManager()
                    .createQuery("select o.status, o.activation, count(o) from Onboarding o where o.batchId = ?1 group by o.status, o.activation",
                            Object[].class)
                    .setParameter(1, id)
                    .getResultList()
                    .forEach(row -> {
                        counts.merge((OnboardingStatus) row[0], (Long) row[2], Long::sum);
                        if (row[1] != null) {
                            activations.merge((Activation) row[1], (Long) row[2], Long::sum);
                        }
                    });
            List<Onboarding> failed = Onboarding.<Onboarding>find("batchId = ?1 and status = ?2 order by tenantId", id,
                    OnboardingStatus.FAILED).range(0, FAILED_LISTED - 1).list();
            return new BatchReport(batch, BatchProgress.of(counts, activations, batch.createdAt, clock.instant()), failed);
        });
    }

    /** Every onboarding of the batch, by tenant; empty when the partner has no such batch. */
    @Transactional
    public Optional<List<Onboarding>> onboardings(UUID partnerId, UUID id) {
        return OnboardingBatch.ofPartner(partnerId, id)
                .map(batch -> Onboarding.<Onboarding>list("batchId = ?1 order by tenantId", id));
    }
}
