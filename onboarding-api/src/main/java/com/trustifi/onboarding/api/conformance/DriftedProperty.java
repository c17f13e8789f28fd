package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.model.PropertyDrift;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A property of one of the relay's Exchange objects that differs from the relay profile, and since when. */
public record DriftedProperty(
        @Schema(description = "The Exchange object's name", examples = "Trustifi Outbound Relay") String object,
        @Schema(description = "The Exchange property; (object) when the whole object is missing or should not exist",
                examples = "SetAuditSeverity") String property,
        @Schema(description = "What the relay profile requires; the rule's header value is never shown") String expected,
        @Schema(description = "What the tenant has") String found,
        @Schema(description = "When a check first found this difference") Instant firstSeenAt) {

    static DriftedProperty of(PropertyDrift drift, Instant firstSeenAt) {
        return new DriftedProperty(drift.object(), drift.property(), drift.expected(), drift.found(), firstSeenAt);
    }

    boolean sameAs(PropertyDrift drift) {
        return object.equals(drift.object()) && property.equals(drift.property())
                && java.util.Objects.equals(expected, drift.expected()) && java.util.Objects.equals(found, drift.found());
    }
}
