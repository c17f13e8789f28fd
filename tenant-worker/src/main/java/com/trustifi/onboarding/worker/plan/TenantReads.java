package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one command has read of its tenant's objects, by kind, so that a later step (or the closing verification)
 * does not ask Exchange again for what an earlier read, or a write's read-back, already answered. A write forgets
 * its kind: the read after it goes to Exchange, which is what verifies the write. Lives as long as one command runs.
 */
final class TenantReads {

    private final Map<ExchangeObjectKind, List<JsonNode>> listed = new EnumMap<>(ExchangeObjectKind.class);

    List<JsonNode> list(ExchangeObjectKind kind, Supplier<List<JsonNode>> read) {
        List<JsonNode> known = listed.get(kind);
        if (known == null) {
            known = List.copyOf(read.get());
            listed.put(kind, known);
        }
        return known;
    }

    void forget(ExchangeObjectKind kind) {
        listed.remove(kind);
    }
}
