package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads every object the profile owns back and reports any difference, field by field. */
@ApplicationScoped
public class VerifyStep implements PlanStep {

    private final List<PlanStep> converging;

    VerifyStep(OutboundConnectorStep outbound, InboundConnectorStep inbound, RemoteDomainStep remoteDomain,
            TransportRuleStep rule, RuleOrderStep order) {
        this.converging = List.of(outbound, inbound, remoteDomain, rule, order);
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.VERIFY;
    }

    @Override
    public StepResult run(StepContext context) {
        StepContext verifying = context.withMode(Mode.VERIFY);
        Map<ProvisioningStep, StepResult> drifted = converging.stream()
                .collect(Collectors.toMap(PlanStep::name, step -> step.run(verifying), (a, b) -> a, java.util.LinkedHashMap::new));
        drifted.values().removeIf(result -> result.outcome() != StepOutcome.DRIFTED);
        if (drifted.isEmpty()) {
            return StepResult.of(StepOutcome.PASSED, "Every object reads back as the profile requires");
        }
        String report = drifted.entrySet().stream()
                .map(entry -> entry.getValue().detail())
                .collect(Collectors.joining("; "));
        return context.mode() == Mode.VERIFY
                ? StepResult.drifted(report, drifted.values().stream().flatMap(result -> result.drift().stream()).toList())
                : StepResult.failedRetryable("Read back differs: " + report, "Retry the onboarding to repair the differences");
    }
}
