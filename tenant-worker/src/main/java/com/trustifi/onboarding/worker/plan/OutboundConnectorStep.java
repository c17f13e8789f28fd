package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed steps 7-16: a connector from Office 365 to the relay's smart host, of the profile's type ("Your
 * organization's email server" or "Partner organization"), used only by the transport rule, over TLS checked against
 * the relay's name. Switching profiles changes the type in place: the rule keeps routing to the same connector.
 */
@ApplicationScoped
public class OutboundConnectorStep implements PlanStep {

    private final ObjectConvergence objects;

    OutboundConnectorStep(ObjectConvergence objects) {
        this.objects = objects;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR;
    }

    static Map<String, Object> desiredSettings(RelayProfile profile) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ConnectorType", profile.connectorType());
        settings.put("IsTransportRuleScoped", true);
        settings.put("UseMXRecord", false);
        settings.put("SmartHosts", List.of(profile.smartHost()));
        settings.put("TlsSettings", "DomainValidation");
        settings.put("TlsDomain", profile.tlsDomain());
        settings.put("Enabled", true);
        // scoped to the rule, so no recipient domains: null clears any in the same Set- call (Exchange refuses the one
        // without the other); a new connector is created without them
        settings.put("RecipientDomains", null);
        return settings;
    }

    /**
     * Parameters that Exchange validates against the desired ones and that an existing connector of the relay's name
     * holds in conflict: changed in the same call, or Exchange refuses it. AllAcceptedDomains contradicts the rule
     * scoping; four settings are OnPremises-only, so a Partner connector cannot keep them. Only a conflicting value is
     * named, since Exchange refuses an OnPremises-only parameter on a Partner connector even to say false.
     */
    static Map<String, Object> withConflictsResolved(Map<String, Object> desired, Optional<JsonNode> existing) {
        if (existing.isEmpty()) {
            return desired;
        }
        Map<String, Object> resolved = new LinkedHashMap<>(desired);
        boolean onPremises = "OnPremises".equalsIgnoreCase(String.valueOf(desired.get("ConnectorType")));
        for (String parameter : List.of("AllAcceptedDomains", "RouteAllMessagesViaOnPremises", "CloudServicesMailEnabled",
                "SenderRewritingEnabled")) {
            boolean conflicts = parameter.equals("AllAcceptedDomains") || !onPremises;
            if (conflicts && existing.get().path(parameter).asBoolean(false)) {
                resolved.put(parameter, false);
            }
        }
        return resolved;
    }

    @Override
    public StepResult run(StepContext context) {
        String name = context.profile().outboundConnectorName();
        DesiredState desired = context.command().kind() == CommandKind.OFFBOARD ? DesiredState.absent(null)
                : DesiredState.created(withConflictsResolved(desiredSettings(context.profile()),
                        objects.find(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, name)));
        return objects.converge(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, name, desired);
    }
}
