package com.trustifi.onboarding.worker.plan;

/** What an ensure-step does with a difference between the tenant and the profile. */
public enum Mode {
    /** Change the tenant. */
    APPLY,
    /** Report what APPLY would change; write nothing. */
    PLAN,
    /** Report where the tenant differs from the profile; write nothing. */
    VERIFY
}
