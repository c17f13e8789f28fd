package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.order.RefusedRow;
import java.util.List;
import java.util.UUID;

/** What a submitted batch got: its id, how many rows were accepted and refused, and why each refused row was. */
public record BatchReceipt(UUID batchId, int accepted, int rejected, List<RefusedRow> refused) {

    public BatchReceipt {
        refused = List.copyOf(refused);
    }
}
