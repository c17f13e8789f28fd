package com.trustifi.onboarding.model;

/** The kinds of work a provisioning command can ask for. */
public enum CommandKind {
    /** Bring the tenant to the desired relay configuration. */
    ONBOARD,
    /** Dry run: report per step what ONBOARD would change, and write nothing. */
    PLAN,
    /** Read everything back and report, field by field, where the tenant differs from the profile. */
    VERIFY,
    /** Remove the rule and both connectors, and restore the remote-domain values saved before ONBOARD. */
    OFFBOARD,
    /** Change only the transport rule's header value to the command's relay secret. */
    ROTATE_SECRET
}
