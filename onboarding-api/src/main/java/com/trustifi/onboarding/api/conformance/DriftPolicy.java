package com.trustifi.onboarding.api.conformance;

/** What a drift leads to. */
public enum DriftPolicy {
    /** The partner is told (webhook {@code tenant.drifted}); nothing is written. */
    ALERT,
    /** The partner is told, and the tenant is onboarded again, which writes only what differs. */
    REPAIR
}
