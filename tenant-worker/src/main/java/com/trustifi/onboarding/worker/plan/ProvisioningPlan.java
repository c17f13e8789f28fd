package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.status.StatusPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the steps for one tenant in order, reports each one, stops at the first failure and
 * reports the onboarding's result last. Every step converges, so running the plan again after a
 * crash or a redelivery finishes the work instead of repeating it.
 */
@ApplicationScoped
public class ProvisioningPlan {

    private static final Logger LOG = Logger.getLogger(ProvisioningPlan.class);

    private final List<PlanStep> steps;
    private final StepFailures failures;
    private final StatusPublisher status;

    ProvisioningPlan(TenantCheckStep tenantCheck, OutboundConnectorStep outboundConnector, StepFailures failures,
            StatusPublisher status) {
        this.steps = List.of(tenantCheck, outboundConnector);
        this.failures = failures;
        this.status = status;
    }

    public void run(ProvisioningCommand command) {
        LOG.infof("Onboarding %s: tenant %s, %d steps", command.onboardingId(), command.tenantId(), steps.size());
        long sequence = 0;
        for (PlanStep step : steps) {
            StepResult result = runStep(step, command);
            status.publish(event(command, ++sequence, step.name(), result));
            if (result.isFailure()) {
                LOG.infof("Onboarding %s failed at %s: %s", command.onboardingId(), step.name(), result.detail());
                status.publish(event(command, ++sequence, ProvisioningStep.ONBOARDING,
                        StepResult.failed(result.detail(), result.remediation())));
                return;
            }
        }
        LOG.infof("Onboarding %s succeeded", command.onboardingId());
        status.publish(event(command, ++sequence, ProvisioningStep.ONBOARDING,
                StepResult.of(StepOutcome.SUCCEEDED, "The tenant is configured as the relay profile requires")));
    }

    private StepResult runStep(PlanStep step, ProvisioningCommand command) {
        try {
            return step.run(command);
        } catch (RuntimeException e) {
            return failures.describe(step.name(), e);
        }
    }

    private static StatusEvent event(ProvisioningCommand command, long sequence, ProvisioningStep step, StepResult result) {
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), command.onboardingId(), command.tenantId(),
                sequence, step, result.outcome(), result.detail(), result.remediation(), Instant.now());
    }
}
