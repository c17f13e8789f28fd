package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed steps 14-15: Exchange validates the outbound connector by connecting to the smart host and
 * sending to a test recipient outside Microsoft 365. Only the connectivity check must succeed:
 * the test email is expected to fail while no rule routes mail to the connector yet.
 */
@ApplicationScoped
public class ConnectorValidationStep implements PlanStep {

    private static final String CONNECTIVITY = "connectivity";

    private final ExchangeAdminClient exchange;

    ConnectorValidationStep(ExchangeAdminClient exchange) {
        this.exchange = exchange;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR;
    }

    @Override
    public StepResult run(StepContext context) {
        String recipient = context.command().relay().testRecipient();
        if (recipient == null || recipient.isBlank()) {
            return StepResult.of(StepOutcome.SKIPPED, "No test recipient was given");
        }
        if (!context.writes()) {
            return StepResult.of(StepOutcome.SKIPPED, "Validation sends a test email; it runs only when onboarding");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", context.profile().outboundConnectorName());
        parameters.put("Recipients", List.of(recipient));
        List<JsonNode> results = exchange.invoke(context.tenantId(), Cmdlet.VALIDATE_OUTBOUND_CONNECTOR, parameters);
        boolean connected = results.stream()
                .filter(result -> result.path("TaskName").asText().toLowerCase(java.util.Locale.ROOT).contains(CONNECTIVITY))
                .anyMatch(result -> "Succeeded".equalsIgnoreCase(result.path("Status").asText()));
        String summary = results.stream()
                .map(result -> result.path("TaskName").asText() + ": " + result.path("Status").asText())
                .reduce((a, b) -> a + "; " + b).orElse("no results");
        if (!connected) {
            return StepResult.failedRetryable("The connectivity check to " + context.profile().smartHost() + " failed (" + summary + ")",
                    "Check that the smart host " + context.profile().smartHost() + " is reachable, then retry");
        }
        return StepResult.of(StepOutcome.PASSED, summary + " (a failed test email is expected until the rule exists)");
    }
}
