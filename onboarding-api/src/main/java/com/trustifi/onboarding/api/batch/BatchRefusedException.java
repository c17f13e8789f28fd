package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.order.RefusedRow;
import java.util.List;

/** No row of a batch can be accepted, so nothing was stored (422, with every row's reasons). */
public class BatchRefusedException extends RuntimeException {

    private final List<RefusedRow> refused;

    public BatchRefusedException(List<RefusedRow> refused) {
        super("No row of the batch can be accepted; nothing was stored");
        this.refused = List.copyOf(refused);
    }

    public List<RefusedRow> refused() {
        return refused;
    }
}
