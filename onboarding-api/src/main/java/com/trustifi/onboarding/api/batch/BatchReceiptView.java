package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.http.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a submitted batch. */
public record BatchReceiptView(
        UUID id,
        @Schema(description = "Rows accepted: each is an onboarding of this batch") int accepted,
        @Schema(description = "Rows refused; nothing was stored for them") int rejected,
        @Schema(description = "Why each refused row was refused, by field, e.g. rows[17].tenantId") List<Problem.FieldError> errors) {

    static BatchReceiptView of(BatchReceipt receipt) {
        return new BatchReceiptView(receipt.batchId(), receipt.accepted(), receipt.rejected(),
                receipt.refused().stream().map(BatchRows::error).toList());
    }
}
