package com.trustifi.onboarding.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The vendor's two guides, as a partner names them. */
public enum RelayProfileName {
    /** "Configuration for older O365 tenants" (the seed): "Your organization's email server" connectors. */
    OLDER_TENANT,
    /** "Configuration for all O365 tenants": a "Partner organization" connector and a verified sending domain. */
    ALL_TENANTS;

    /**
     * The vendor's guide for older tenants covers tenants created before this instant. The guide gives no time zone;
     * reading it as UTC is our choice.
     */
    public static final OffsetDateTime OLDER_TENANT_CUTOFF = OffsetDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** The profile for a tenant whose partner named none. */
    public static RelayProfileName forTenantCreated(OffsetDateTime createdDateTime) {
        return createdDateTime.isBefore(OLDER_TENANT_CUTOFF) ? OLDER_TENANT : ALL_TENANTS;
    }
}
