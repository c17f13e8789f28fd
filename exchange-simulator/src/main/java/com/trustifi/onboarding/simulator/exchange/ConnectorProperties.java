package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What Get-InboundConnector and Get-OutboundConnector both show, in the places they show it. */
final class ConnectorProperties {

    private ConnectorProperties() {
    }

    /** The leading properties, in Exchange's order; the caller adds its own after them. */
    static Map<String, Object> leading(String identity, UUID guid, boolean enabled, ConnectorType type, String source, String comment) {
        Map<String, Object> object = new LinkedHashMap<>();
        // a connector's identity is its name
        object.put("Identity", identity);
        object.put("Name", identity);
        object.put("Guid", guid.toString());
        object.put("Enabled", enabled);
        object.put("ConnectorType", type.name());
        object.put("ConnectorSource", source);
        object.put("Comment", comment);
        return object;
    }

    /** The trailing timestamps, {@code WhenChangedUTC} beside WhenChanged. */
    static Map<String, Object> withTimestamps(Map<String, Object> object, OffsetDateTime whenCreated, OffsetDateTime whenChanged) {
        object.put("WhenCreated", ExchangeTime.format(whenCreated));
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        object.put("WhenChangedUTC", ExchangeTime.formatUtc(whenChanged));
        return object;
    }
}
