package com.trustifi.onboarding.model;

/** The kinds of work a provisioning command can ask for. */
public enum CommandKind {
    /** Bring the tenant to the desired relay configuration. */
    ONBOARD,
    /** Dry run: report per step what ONBOARD would change, and write nothing. */
    PLAN,
    /** Read everything back and report, field by field, where the tenant differs from the profile. */
    VERIFY,
    /**
     * The fleet watch's read of an onboarded tenant: as VERIFY, but only the objects an administrator can change
     * afterwards (not the organization's customization or the accepted domains, which onboarding checked). With a
     * test recipient, it also has Exchange validate the outbound connector, whose test email goes through only once
     * the rule is in effect: the check that confirms an onboarding ACTIVE after the rule's propagation.
     */
    WATCH,
    /** Remove the rule and both connectors, and restore the remote-domain values saved before ONBOARD. */
    OFFBOARD,
    /** Change only the transport rule's header value to the command's relay secret. */
    ROTATE_SECRET,
    /**
     * Sign in to the tenant's Graph and Exchange Online as the app, right after its administrator
     * connected it: consent and the Exchange Administrator role are in place, or the failure says
     * what the administrator must do. Writes nothing and carries no secret.
     */
    CHECK_CONNECTION
}
