package com.trustifi.onboarding.simulator.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Graph's {@code $select}: only the named properties plus {@code id}. Names are matched case-insensitively like Graph;
 * names the simulator does not model are left out rather than refused, so that a client selecting a real Graph
 * property the simulator lacks still gets an answer.
 */
final class PropertySelection {

    private final Set<String> selected;

    private PropertySelection(Set<String> selected) {
        this.selected = selected;
    }

    static PropertySelection of(String select) {
        if (select == null || select.isBlank()) {
            return new PropertySelection(null);
        }
        return new PropertySelection(Arrays.stream(select.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    boolean selectsAll() {
        return selected == null;
    }

    Map<String, Object> apply(Map<String, Object> resource) {
        if (selectsAll()) {
            return resource;
        }
        Map<String, Object> picked = new LinkedHashMap<>();
        resource.forEach((name, value) -> {
            if (name.equals("id") || selected.contains(name.toLowerCase(Locale.ROOT))) {
                picked.put(name, value);
            }
        });
        return picked;
    }

    /** The {@code (a,b)} suffix Graph adds to {@code @odata.context} when $select is used. */
    String contextSuffix(String raw) {
        return selectsAll() ? "" : "(" + raw.replace(" ", "") + ")";
    }
}
