package com.trustifi.onboarding.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The outbound connectors of one tenant, keyed by name as Exchange does. Not thread-safe: guarded by the tenant's lock. */
public final class OutboundConnectors {

    private final Map<String, OutboundConnector> byName = new LinkedHashMap<>();

    public List<OutboundConnector> all() {
        return List.copyOf(byName.values());
    }

    /** Exchange resolves an identity by name (case-insensitive) or by object GUID. */
    public Optional<OutboundConnector> find(String identity) {
        OutboundConnector named = byName.get(key(identity));
        if (named != null) {
            return Optional.of(named);
        }
        return byName.values().stream()
                .filter(c -> c.guid().toString().equalsIgnoreCase(identity.trim()))
                .findFirst();
    }

    public boolean nameTaken(String name) {
        return byName.containsKey(key(name));
    }

    public void add(OutboundConnector connector) {
        byName.put(key(connector.name()), connector);
    }

    /** Replaces in place so a rename keeps the connector's position in listings. */
    public void replace(OutboundConnector old, OutboundConnector updated) {
        Map<String, OutboundConnector> reordered = new LinkedHashMap<>();
        byName.forEach((k, v) -> {
            if (v.guid().equals(old.guid())) {
                reordered.put(key(updated.name()), updated);
            } else {
                reordered.put(k, v);
            }
        });
        byName.clear();
        byName.putAll(reordered);
    }

    public void remove(OutboundConnector connector) {
        byName.remove(key(connector.name()));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
