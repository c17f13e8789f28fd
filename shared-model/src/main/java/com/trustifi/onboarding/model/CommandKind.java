package com.trustifi.onboarding.model;

/** The kinds of work a provisioning command can ask for. */
public enum CommandKind {
    /** Bring the tenant to the desired relay configuration. */
    ONBOARD
}
