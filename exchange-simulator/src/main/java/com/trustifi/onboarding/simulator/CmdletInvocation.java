package com.trustifi.onboarding.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cmdlet with its parameters, as a caller of InvokeCommand would send it.
 *
 * @param cmdletName e.g. {@code New-TransportRule}
 * @param parameters parameter names to JSON-compatible values (strings, booleans, numbers, lists)
 */
public record CmdletInvocation(String cmdletName, Map<String, Object> parameters) {

    public CmdletInvocation {
        if (cmdletName == null || cmdletName.isBlank()) {
            throw new IllegalArgumentException("cmdletName is required");
        }
        // Not Map.copyOf: a null value is meaningful (it clears a setting, e.g. TNEFEnabled).
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
