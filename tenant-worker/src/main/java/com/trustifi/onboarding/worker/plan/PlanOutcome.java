package com.trustifi.onboarding.worker.plan;

/** Whether a plan reached its end, or is to run again on a later delivery of its command. */
public enum PlanOutcome {
    FINISHED,
    DEFERRED
}
