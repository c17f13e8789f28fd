package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The organization-wide settings Get-OrganizationConfig shows. Immutable: Enable-OrganizationCustomization
 * produces a new value.
 *
 * @param name         the initial domain, which Exchange uses as the organization's name
 * @param isDehydrated whether the tenant still shares its configuration and refuses customization
 */
public record OrganizationConfig(UUID guid, String name, String displayName, boolean isDehydrated,
                                 OffsetDateTime whenCreated, OffsetDateTime whenChanged) {

    OrganizationConfig customized(OffsetDateTime now) {
        return new OrganizationConfig(guid, name, displayName, false, whenCreated, now);
    }

    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", name);
        object.put("Name", name);
        object.put("DisplayName", displayName);
        object.put("Guid", guid.toString());
        object.put("IsDehydrated", isDehydrated);
        object.put("WhenCreated", ExchangeTime.format(whenCreated));
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        return object;
    }
}
