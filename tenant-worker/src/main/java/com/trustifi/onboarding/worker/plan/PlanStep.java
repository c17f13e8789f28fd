package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningStep;

/** One ensure-step: read the actual state, compare it with the desired one, change only the difference. */
public interface PlanStep {

    ProvisioningStep name();

    StepResult run(StepContext context);
}
