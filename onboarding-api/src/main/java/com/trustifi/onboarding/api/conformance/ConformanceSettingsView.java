package com.trustifi.onboarding.api.conformance;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often the partner's tenants are checked, and what a drift leads to, unless a tenant has its own policy. */
public record ConformanceSettingsView(
        @Schema(description = "ISO 8601 duration", examples = "PT6H") String checkInterval,
        DriftPolicy policy) {

    static ConformanceSettingsView of(Duration interval, DriftPolicy policy) {
        return new ConformanceSettingsView(interval.toString(), policy);
    }
}
