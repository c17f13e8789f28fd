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
 * Seed steps 17-21: a connector from "your organization's mail server" that accepts the relay's
 * sending addresses, turned on, retaining internal Exchange headers (CloudServicesMailEnabled). A profile without
 * one (ALL_TENANTS: the relay delivers the mail itself) has it absent, so switching to it removes the connector.
 */
@ApplicationScoped
public class InboundConnectorStep implements PlanStep {

    private final ObjectConvergence objects;

    InboundConnectorStep(ObjectConvergence objects) {
        this.objects = objects;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_INBOUND_CONNECTOR;
    }

    static Map<String, Object> desiredSettings(RelayProfile profile) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ConnectorType", "OnPremises");
        settings.put("SenderDomains", List.of("*"));
        settings.put("SenderIPAddresses", profile.relayIpAddresses());
        settings.put("CloudServicesMailEnabled", true);
        settings.put("Enabled", true);
        return settings;
    }

    @Override
    public StepResult run(StepContext context) {
        RelayProfile profile = context.profile();
        DesiredState desired = context.command().kind() == CommandKind.OFFBOARD ? DesiredState.absent(null)
                : profile.inboundConnector() ? DesiredState.created(desiredSettings(profile))
                : DesiredState.absent("profile " + profile.name() + " has no inbound connector");
        return objects.converge(context, ExchangeObjectKind.INBOUND_CONNECTOR, profile.inboundConnectorName(), desired);
    }
}
