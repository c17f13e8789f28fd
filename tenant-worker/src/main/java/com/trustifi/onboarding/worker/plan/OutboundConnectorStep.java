package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return settings;
    }

    @Override
    public StepResult run(StepContext context) {
        DesiredState desired = context.command().kind() == CommandKind.OFFBOARD ? DesiredState.absent(null)
                : DesiredState.created(desiredSettings(context.profile()));
        return objects.converge(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, context.profile().outboundConnectorName(), desired);
    }
}
