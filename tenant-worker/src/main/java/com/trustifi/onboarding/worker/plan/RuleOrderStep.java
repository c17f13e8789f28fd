package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed step 46: our outbound rule must come before the vendor's inbound rule, or internal mail is
 * delivered wrongly. Moving our rule to the inbound rule's priority shifts that rule and the ones
 * after it down by one, so every other rule keeps its relative order.
 */
@ApplicationScoped
public class RuleOrderStep implements PlanStep {

    private final ObjectConvergence objects;

    RuleOrderStep(ObjectConvergence objects) {
        this.objects = objects;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_RULE_ORDER;
    }

    @Override
    public StepResult run(StepContext context) {
        List<JsonNode> rules = objects.list(context, ExchangeObjectKind.TRANSPORT_RULE);
        String ourName = context.profile().transportRuleName();
        String vendorName = context.profile().vendorInboundRuleName();
        Optional<JsonNode> vendor = named(rules, vendorName);
        if (vendor.isEmpty()) {
            return StepResult.of(StepOutcome.SKIPPED, "No " + vendorName + " rule: nothing to order against");
        }
        Optional<JsonNode> ours = named(rules, ourName);
        if (ours.isEmpty()) {
            return context.writes()
                    ? StepResult.failedRetryable(ourName + " is missing", "Retry the onboarding")
                    : StepResult.of(StepOutcome.WOULD_UPDATE, ourName + " will be placed above " + vendorName);
        }
        int ourPriority = ours.get().path("Priority").asInt();
        int vendorPriority = vendor.get().path("Priority").asInt();
        if (ourPriority < vendorPriority) {
            return StepResult.of(StepOutcome.UNCHANGED, ourName + " (priority " + ourPriority + ") is above "
                    + vendorName + " (priority " + vendorPriority + ")");
        }
        String move = ourName + " from priority " + ourPriority + " to " + vendorPriority + ", above " + vendorName;
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, "Would move " + move);
            case VERIFY -> StepResult.drifted(ourName + " is below " + vendorName, List.of(new PropertyDrift(ourName, "Priority",
                    "below " + vendorPriority + " (" + vendorName + ")", String.valueOf(ourPriority))));
            case APPLY -> {
                StepResult moved = objects.converge(context, ExchangeObjectKind.TRANSPORT_RULE, ourName, DesiredState.existing(
                        Map.of("Priority", vendorPriority), StepResult.failedRetryable(ourName + " is missing", "Retry the onboarding")));
                yield moved.outcome() == StepOutcome.UPDATED ? StepResult.of(StepOutcome.UPDATED, "Moved " + move) : moved;
            }
        };
    }

    private static Optional<JsonNode> named(List<JsonNode> rules, String name) {
        return rules.stream().filter(rule -> name.equalsIgnoreCase(rule.path("Name").asText())).findFirst();
    }
}
