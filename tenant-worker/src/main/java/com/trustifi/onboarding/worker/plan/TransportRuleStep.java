package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayConfiguration.LimitedScope;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed steps 28-45 and 48: the mail flow rule that sends the tenant's own mail from the relay
 * domains to the relay's connector, stamped with the relay secret, except mail the relay itself
 * sent back in (that would loop).
 */
@ApplicationScoped
public class TransportRuleStep implements PlanStep {

    private final ObjectConvergence objects;

    TransportRuleStep(ObjectConvergence objects) {
        this.objects = objects;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_TRANSPORT_RULE;
    }

    /** Without a relay secret (VERIFY of an older command), the header value is left out of the comparison. */
    static Map<String, Object> desiredSettings(StepContext context) {
        var profile = context.profile();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("SenderDomainIs", context.relayDomains());
        settings.put("FromScope", "InOrganization");
        settings.put("RouteMessageOutboundConnector", profile.outboundConnectorName());
        settings.put("SetHeaderName", profile.headerName());
        context.relaySecret().ifPresent(secret -> settings.put("SetHeaderValue", secret));
        settings.put("ExceptIfSenderIpRanges", profile.relayIpAddresses());
        settings.put("SetAuditSeverity", "High");
        settings.put("StopRuleProcessing", true);
        settings.put("RuleErrorAction", "Defer");
        settings.put("SenderAddressLocation", "HeaderOrEnvelope");
        settings.put("Mode", "Enforce");
        LimitedScope scope = context.command().relay().limitedScope();
        boolean byGroup = scope != null && scope.group() != null && !scope.group().isBlank();
        boolean byAddress = scope != null && !scope.senderAddresses().isEmpty();
        settings.put("FromMemberOf", byGroup ? List.of(scope.group()) : null);
        settings.put("From", byAddress ? scope.senderAddresses() : null);
        return settings;
    }

    @Override
    public StepResult run(StepContext context) {
        String rule = context.profile().transportRuleName();
        return switch (context.command().kind()) {
            case OFFBOARD -> objects.converge(context, ExchangeObjectKind.TRANSPORT_RULE, rule, DesiredState.absent(null));
            case ROTATE_SECRET -> context.relaySecret().isEmpty()
                    ? StepResult.failed("The command carries no new relay secret", "Rotate the relay account's secret, then retry")
                    // only the header value changes, on the rule an onboarding made; the value is never reported
                    : objects.converge(context, ExchangeObjectKind.TRANSPORT_RULE, rule, DesiredState.existing(
                            Map.of("SetHeaderValue", context.relaySecret().get()),
                            StepResult.failed(rule + " does not exist", "Onboard the tenant first")));
            default -> context.writes() && context.relaySecret().isEmpty()
                    ? StepResult.failed("The command carries no relay secret for the rule's " + context.profile().headerName()
                            + " header", "Onboard with a relay account whose secret is set")
                    : objects.converge(context, ExchangeObjectKind.TRANSPORT_RULE, rule, DesiredState.created(desiredSettings(context)));
        };
    }
}
