package com.trustifi.onboarding.cli;

import java.util.List;
import java.util.UUID;

/**
 * The API's answer to a submitted batch: how many rows it accepted, and why it refused the others.
 *
 * @param replayed the API answered a stored receipt for the same Idempotency-Key: this batch was submitted before
 */
record BatchReceipt(UUID id, int accepted, int rejected, List<ApiProblem.FieldError> errors, boolean replayed) {

    BatchReceipt {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
