package com.trustifi.onboarding.model;

import java.util.Objects;

/**
 * One record the partner publishes in a relay domain's DNS so the vendor can send for it (profile ALL_TENANTS).
 *
 * @param purpose what the vendor checks it for: identity, dkim or mail-from
 * @param type    TXT, CNAME or MX
 * @param name    the fully qualified record name
 * @param value   the record's value (for MX: "preference host")
 */
public record DnsRecord(String purpose, String type, String name, String value) {

    public DnsRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
