package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A domain of a simulated tenant, as both Graph and Exchange see it.
 *
 * @param name                fully qualified domain name
 * @param verified            whether domain ownership was proven
 * @param isDefault           the tenant's default domain for new users
 * @param supportedServices   Graph supportedServices, e.g. Email, OfficeCommunicationsOnline; null means none
 * @param acceptedDomainType  Exchange accepted domain type: Authoritative, InternalRelay or ExternalRelay; null means Authoritative
 */
public record DomainSpec(String name, boolean verified,
                         // Named explicitly so the JSON property stays "isDefault" like Graph's, not the bean-style "default".
                         @JsonProperty("isDefault") boolean isDefault,
                         List<String> supportedServices, String acceptedDomainType) {

    private static final Set<String> ACCEPTED_DOMAIN_TYPES = Set.of("Authoritative", "InternalRelay", "ExternalRelay");

    public DomainSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("domain name is required");
        }
        name = name.trim().toLowerCase(Locale.ROOT);
        supportedServices = supportedServices == null ? List.of() : List.copyOf(supportedServices);
        acceptedDomainType = acceptedDomainType == null ? "Authoritative" : acceptedDomainType;
        if (!ACCEPTED_DOMAIN_TYPES.contains(acceptedDomainType)) {
            throw new IllegalArgumentException("acceptedDomainType must be one of " + ACCEPTED_DOMAIN_TYPES + ": " + acceptedDomainType);
        }
    }

    /** A verified, authoritative domain that supports email, the usual shape of a custom domain. */
    public static DomainSpec verifiedEmailDomain(String name, boolean isDefault) {
        return new DomainSpec(name, true, isDefault, List.of("Email"), "Authoritative");
    }

    DomainSpec asDefault(boolean makeDefault) {
        return new DomainSpec(name, verified, makeDefault, supportedServices, acceptedDomainType);
    }
}
