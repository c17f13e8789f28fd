package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.ProblemMappers;
import com.trustifi.onboarding.api.onboarding.OnboardingRequest;
import com.trustifi.onboarding.api.onboarding.OnboardingResource;
import com.trustifi.onboarding.api.onboarding.order.NumberedOrder;
import com.trustifi.onboarding.api.onboarding.order.RefusedRow;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Numbers a batch's rows from 0 as they are read, and validates each exactly as a single
 * onboarding request is validated. A row that fails is kept with its reasons, so that every row's
 * errors can be returned together, and the others go on to be accepted.
 */
final class BatchRows {

    private final Validator validator;
    private final UUID defaultRelayAccountId;
    private final List<NumberedOrder> orders = new ArrayList<>();
    private final List<RefusedRow> refused = new ArrayList<>();
    private int count;

    /** @param defaultRelayAccountId the relay account of the rows that name none; may be null */
    BatchRows(Validator validator, UUID defaultRelayAccountId) {
        this.validator = validator;
        this.defaultRelayAccountId = defaultRelayAccountId;
    }

    void add(OnboardingRequest row) {
        OnboardingRequest request = row.relayAccountId() != null || defaultRelayAccountId == null ? row
                : new OnboardingRequest(row.tenantId(), defaultRelayAccountId, row.relayDomains(), row.limitedScope(),
                        row.testRecipient(), row.profile(), row.dryRun());
        Set<ConstraintViolation<OnboardingRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            orders.add(new NumberedOrder(count, OnboardingResource.order(request)));
        } else {
            violations.forEach(violation -> refused.add(new RefusedRow(count, ProblemMappers.field(violation), violation.getMessage())));
        }
        count++;
    }

    /** A row that could not even be read into a request. */
    void refuse(String field, String reason) {
        refused.add(new RefusedRow(count, field, reason));
        count++;
    }

    List<NumberedOrder> orders() {
        return orders;
    }

    List<RefusedRow> refused() {
        return refused;
    }

    int count() {
        return count;
    }

    /** A refused row as a problem's field error, named like "rows[17].tenantId". */
    static Problem.FieldError error(RefusedRow refused) {
        String field = "rows[" + refused.row() + "]";
        return new Problem.FieldError(refused.field().isEmpty() || "body".equals(refused.field()) ? field
                : field + "." + refused.field(), refused.reason());
    }
}
