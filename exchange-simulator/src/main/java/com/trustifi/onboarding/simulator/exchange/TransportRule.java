package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An Exchange Online transport (mail flow) rule. Immutable: a Set- produces a new value. Its priority is its
 * position in the tenant's rule list, so it is not a component here.
 *
 * @param other       the documented conditions, exceptions, actions and properties the simulator only stores (SetSCL, PrependSubject, ...)
 * @param effectiveAt when the transport service applies the last change; simulator-only, never shown by Get-TransportRule
 */
public record TransportRule(
        UUID guid,
        String name,
        RuleMode mode,
        boolean enabled,
        List<String> senderDomainIs,
        FromScope fromScope,
        List<String> from,
        List<String> fromMemberOf,
        String routeMessageOutboundConnector,
        String setHeaderName,
        String setHeaderValue,
        List<String> exceptIfSenderIpRanges,
        AuditSeverity setAuditSeverity,
        boolean stopRuleProcessing,
        RuleErrorAction ruleErrorAction,
        SenderAddressLocation senderAddressLocation,
        String comments,
        Map<String, Object> other,
        OffsetDateTime whenChanged,
        OffsetDateTime effectiveAt) implements NamedObject {

    public TransportRule {
        senderDomainIs = List.copyOf(senderDomainIs);
        from = List.copyOf(from);
        fromMemberOf = List.copyOf(fromMemberOf);
        exceptIfSenderIpRanges = List.copyOf(exceptIfSenderIpRanges);
    }

    /** What New-TransportRule creates from -Name alone. */
    static TransportRule withDefaults(String name, OffsetDateTime now) {
        return new TransportRule(UUID.randomUUID(), name, RuleMode.Enforce, true, List.of(), null, List.of(), List.of(), null, null,
                null, List.of(), null, false, RuleErrorAction.Ignore, SenderAddressLocation.Header, null, Map.of(), now, now);
    }

    public String identity() {
        return name;
    }

    /** Whether mail passing this rule is redirected to the named outbound connector once the rule is in effect. */
    public boolean routesTo(String connectorName) {
        return enabled && mode == RuleMode.Enforce && connectorName.equalsIgnoreCase(String.valueOf(routeMessageOutboundConnector));
    }

    /** Whether the transport service already applies the rule's last change. */
    public boolean effective(OffsetDateTime now) {
        return !now.isBefore(effectiveAt);
    }

    TransportRule enabled(boolean newState, OffsetDateTime now, OffsetDateTime newEffectiveAt) {
        return new TransportRule(guid, name, mode, newState, senderDomainIs, fromScope, from, fromMemberOf, routeMessageOutboundConnector,
                setHeaderName, setHeaderValue, exceptIfSenderIpRanges, setAuditSeverity, stopRuleProcessing, ruleErrorAction,
                senderAddressLocation, comments, other, now, newEffectiveAt);
    }

    /**
     * The rule as Get-TransportRule returns it [S4]: {@code Priority} with its OData type annotation, empty
     * multi-valued properties as {@code null}, and the class names of its conditions, exceptions and actions.
     */
    public Map<String, Object> toExchangeObject(int priority) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", identity());
        object.put("Name", name);
        object.put("Guid", guid.toString());
        object.put("Priority@data.type", "#Int32");
        object.put("Priority", priority);
        object.put("State", enabled ? "Enabled" : "Disabled");
        object.put("Mode", mode.name());
        object.put("SenderDomainIs", nullWhenEmpty(senderDomainIs));
        object.put("FromScope", fromScope == null ? null : fromScope.name());
        object.put("From", nullWhenEmpty(from));
        object.put("FromMemberOf", nullWhenEmpty(fromMemberOf));
        object.put("RouteMessageOutboundConnector", routeMessageOutboundConnector);
        object.put("SetHeaderName", setHeaderName);
        object.put("SetHeaderValue", setHeaderValue);
        object.put("ExceptIfSenderIpRanges", nullWhenEmpty(exceptIfSenderIpRanges));
        object.put("SetAuditSeverity", setAuditSeverity == null ? null : setAuditSeverity.name());
        object.put("StopRuleProcessing", stopRuleProcessing);
        object.put("RuleErrorAction", ruleErrorAction.name());
        object.put("SenderAddressLocation", senderAddressLocation.name());
        object.put("Comments", comments);
        TransportRuleCmdlets.SHAPE.writeTo(object, this);
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        object.put("WhenChangedUTC", ExchangeTime.formatUtc(whenChanged));
        return object;
    }

    private static List<String> nullWhenEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
