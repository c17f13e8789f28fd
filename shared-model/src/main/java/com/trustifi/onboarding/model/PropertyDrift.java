package com.trustifi.onboarding.model;

import java.util.Objects;

/**
 * One property of one Exchange object that differs from what the relay profile requires, as a verify found it. Values
 * are as Exchange shows them; a secret's (the rule's header value) is never carried, only that it differs.
 *
 * @param object   the object's name, e.g. "Trustifi Outbound Relay"
 * @param property the Exchange property, e.g. "SetAuditSeverity"; "(object)" when the whole object is missing or extra
 * @param expected what the relay profile requires; null when the object must not exist
 * @param found    what the tenant has; null when the object or property is missing
 */
public record PropertyDrift(String object, String property, String expected, String found) {

    /** The property name used when the object itself, not one of its properties, is what differs. */
    public static final String WHOLE_OBJECT = "(object)";

    public PropertyDrift {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(property, "property");
    }
}
