package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.model.PropertyDrift;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A property of one of the relay's Exchange objects that differs from the relay profile, and since when. */
public record DriftedProperty(
        @Schema(description = "The Exchange object's name", examples = "Trustifi Outbound Relay") String object,
        @Schema(description = "The Exchange property; (object) when the whole object is missing or should not exist",
                examples = "SetAuditSeverity") String property,
        @Schema(description = "What the relay profile requires; the rule's header value is never shown") String expected,
        @Schema(description = "What the tenant has") String found,
        @Schema(description = "When a check first found this difference") Instant firstSeenAt) {

    /** What a check found, each property with when it was first seen: then, if {@code before} had it already, else now. */
    static List<DriftedProperty> found(List<PropertyDrift> drift, List<DriftedProperty> before, Instant now) {
        return drift.stream().map(property -> new DriftedProperty(property.object(), property.property(), property.expected(),
                property.found(), before.stream().filter(known -> known.sameAs(property)).map(DriftedProperty::firstSeenAt)
                        .findFirst().orElse(now))).toList();
    }

    private boolean sameAs(PropertyDrift drift) {
        return object.equals(drift.object()) && property.equals(drift.property())
                && Objects.equals(expected, drift.expected()) && Objects.equals(found, drift.found());
    }
}
