package com.trustifi.onboarding.api.conformance;

/** What the fleet watch last found in a tenant. */
public enum ConformanceState {
    /** Onboarded; not checked yet. */
    PENDING,
    /** Every object as the relay profile requires. */
    IN_SYNC,
    /** Objects changed since the onboarding: the drift says which properties. */
    DRIFTED,
    /** The tenant could not be read: the reason says what its administrator or the partner must do. */
    UNREACHABLE
}
