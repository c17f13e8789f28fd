package com.trustifi.onboarding.simulator;

/** A tenant could not be created because its GUID or one of its domains is already taken. */
public final class TenantConflictException extends IllegalArgumentException {

    public TenantConflictException(String message) {
        super(message);
    }
}
