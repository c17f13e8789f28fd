package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.exchange.ParameterDiff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seed steps 7-16: a connector from Office 365 to the relay's smart host, used only by the
 * transport rule, over TLS checked against the relay's certificate name.
 */
@ApplicationScoped
public class OutboundConnectorStep implements PlanStep {

    private final ExchangeAdminClient exchange;

    OutboundConnectorStep(ExchangeAdminClient exchange) {
        this.exchange = exchange;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR;
    }

    /** The seed's screens as Set-/New-OutboundConnector parameters. */
    static Map<String, Object> desiredSettings(RelayProfile profile) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ConnectorType", "OnPremises");
        settings.put("IsTransportRuleScoped", true);
        settings.put("UseMXRecord", false);
        settings.put("SmartHosts", List.of(profile.smartHost()));
        settings.put("TlsSettings", "DomainValidation");
        settings.put("TlsDomain", profile.tlsDomain());
        settings.put("Enabled", true);
        return settings;
    }

    @Override
    public StepResult run(ProvisioningCommand command) {
        String tenantId = command.tenantId();
        RelayProfile profile = command.relay().profile();
        Map<String, Object> desired = desiredSettings(profile);

        Optional<JsonNode> existing = find(tenantId, profile.outboundConnectorName());
        if (existing.isEmpty()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("Name", profile.outboundConnectorName());
            parameters.putAll(desired);
            exchange.invoke(tenantId, "New-OutboundConnector", parameters);
            return readBack(tenantId, profile, desired, StepResult.of(StepOutcome.CREATED,
                    "Created " + profile.outboundConnectorName()));
        }
        List<ParameterDiff.Change> changes = ParameterDiff.between(desired, existing.get());
        if (changes.isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, profile.outboundConnectorName() + " already as required");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", profile.outboundConnectorName());
        parameters.putAll(ParameterDiff.changedParameters(desired, changes));
        exchange.invoke(tenantId, "Set-OutboundConnector", parameters);
        return readBack(tenantId, profile, desired, StepResult.of(StepOutcome.UPDATED,
                "Updated " + profile.outboundConnectorName() + ": " + summary(changes)));
    }

    /** Lists all connectors rather than asking for one by name, so that "not found" is never an error to interpret. */
    private Optional<JsonNode> find(String tenantId, String name) {
        return exchange.invoke(tenantId, "Get-OutboundConnector", Map.of()).stream()
                .filter(connector -> name.equalsIgnoreCase(connector.path("Name").asText()))
                .findFirst();
    }

    /** Bulk tools have reported success while nothing changed: believe only what reads back. */
    private StepResult readBack(String tenantId, RelayProfile profile, Map<String, Object> desired, StepResult written) {
        Optional<JsonNode> actual = find(tenantId, profile.outboundConnectorName());
        if (actual.isEmpty()) {
            return StepResult.failed(profile.outboundConnectorName() + " was written but does not read back",
                    "Retry the onboarding; if it fails again, check the connector in the Exchange admin center");
        }
        List<ParameterDiff.Change> remaining = ParameterDiff.between(desired, actual.get());
        if (!remaining.isEmpty()) {
            return StepResult.failed(profile.outboundConnectorName() + " reads back different: " + summary(remaining),
                    "Check the connector in the Exchange admin center (Mail flow > Connectors), then retry");
        }
        return written;
    }

    private static String summary(List<ParameterDiff.Change> changes) {
        return changes.stream().map(ParameterDiff.Change::toString).collect(Collectors.joining("; "));
    }
}
