package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Seed steps 14-15: Exchange validates the outbound connector by connecting to the smart host and
 * sending to a test recipient outside Microsoft 365. Only the connectivity check must succeed:
 * the test email is expected to fail while no rule routes mail to the connector yet. A WATCH with a test recipient
 * validates again once the rule has had time to propagate, and then the test email must go through too: it does once
 * the rule is in effect. There, whatever keeps mail from going through it (a missing or disabled connector, a
 * failed connectivity check) is NOT_PROPAGATED, not a failure that would hide the drift the other steps found.
 */
@ApplicationScoped
public class ConnectorValidationStep implements PlanStep {

    private static final String CONNECTIVITY = "connectivity";
    private static final String TEST_EMAIL = "test email";

    private final ExchangeAdminClient exchange;
    private final ObjectConvergence objects;

    ConnectorValidationStep(ExchangeAdminClient exchange, ObjectConvergence objects) {
        this.exchange = exchange;
        this.objects = objects;
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
        boolean confirming = context.command().kind() == CommandKind.WATCH;
        if (!context.writes() && !confirming) {
            return StepResult.of(StepOutcome.SKIPPED, "Validation sends a test email; it runs only when onboarding");
        }
        String name = context.profile().outboundConnectorName();
        if (confirming) {
            // read by the connector step already, which has reported a missing or disabled connector as drift: there
            // is nothing to validate, and the drift, not this, is what the check reports
            Optional<JsonNode> connector = objects.find(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, name);
            if (connector.isEmpty() || !connector.get().path("Enabled").asBoolean(true)) {
                return StepResult.of(StepOutcome.NOT_PROPAGATED, name + (connector.isEmpty() ? " is missing" : " is disabled")
                        + ": no mail goes through it");
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", name);
        parameters.put("Recipients", List.of(recipient));
        List<JsonNode> results = exchange.invoke(context.tenantId(), Cmdlet.VALIDATE_OUTBOUND_CONNECTOR, parameters);
        boolean connected = succeeded(results, CONNECTIVITY);
        String summary = results.stream()
                .map(result -> result.path("TaskName").asText() + ": " + result.path("Status").asText())
                .reduce((a, b) -> a + "; " + b).orElse("no results");
        if (!connected && confirming) {
            return StepResult.of(StepOutcome.NOT_PROPAGATED, "The connectivity check to " + context.profile().smartHost()
                    + " failed (" + summary + ")");
        }
        if (!connected) {
            return StepResult.failedRetryable("The connectivity check to " + context.profile().smartHost() + " failed (" + summary + ")",
                    "Check that the smart host " + context.profile().smartHost() + " is reachable, then retry");
        }
        if (confirming) {
            return succeeded(results, TEST_EMAIL) ? StepResult.of(StepOutcome.PASSED, summary + ": the rule is in effect")
                    : StepResult.of(StepOutcome.NOT_PROPAGATED, summary + ": no rule in effect routes mail to the connector yet");
        }
        return StepResult.of(StepOutcome.PASSED, summary + " (a failed test email is expected until the rule exists)");
    }

    private static boolean succeeded(List<JsonNode> results, String task) {
        return results.stream()
                .filter(result -> result.path("TaskName").asText().toLowerCase(Locale.ROOT).contains(task))
                .anyMatch(result -> "Succeeded".equalsIgnoreCase(result.path("Status").asText()));
    }
}
