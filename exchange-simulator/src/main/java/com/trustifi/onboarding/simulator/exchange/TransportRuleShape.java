package com.trustifi.onboarding.simulator.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of Get-TransportRule's output that comes from the documented parameters: each as its own property, and the
 * {@code Conditions}, {@code Exceptions} and {@code Actions} lists of predicate and action class names [S4]. The class
 * names are derived from the parameter names (SenderDomainIs -> SenderDomainIsPredicate); that derivation is an inference.
 */
final class TransportRuleShape {

    private static final String RULES = "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.";
    private static final String EXCEPT = "ExceptIf";

    private final DocumentedParameters other;
    private final Set<String> actions;
    private final Set<String> properties;

    /**
     * @param actions    the parameters that are actions; every other parameter not in {@code properties} is a condition,
     *                   or an exception when it starts with ExceptIf
     * @param properties the parameters that are neither (Comments, Mode, ActivationDate, ...)
     */
    TransportRuleShape(DocumentedParameters other, Set<String> actions, Set<String> properties) {
        this.other = other;
        this.actions = actions;
        this.properties = properties;
    }

    void writeTo(Map<String, Object> object, TransportRule rule) {
        other.writeTo(object, rule.other(), null);
        Set<String> conditions = new LinkedHashSet<>();
        Set<String> exceptions = new LinkedHashSet<>();
        Set<String> ruleActions = new LinkedHashSet<>();
        for (String parameter : setParameters(rule)) {
            if (properties.contains(parameter)) {
                continue;
            }
            if (actions.contains(parameter)) {
                ruleActions.add(RULES + actionClass(parameter) + "Action");
            } else if (parameter.startsWith(EXCEPT)) {
                exceptions.add(RULES + parameter.substring(EXCEPT.length()) + "Predicate");
            } else {
                conditions.add(RULES + parameter + "Predicate");
            }
        }
        object.put("Conditions", conditions.isEmpty() ? null : List.copyOf(conditions));
        object.put("Exceptions", exceptions.isEmpty() ? null : List.copyOf(exceptions));
        object.put("Actions", ruleActions.isEmpty() ? null : List.copyOf(ruleActions));
    }

    /** Parameters that come in groups form one action: SetHeaderName and SetHeaderValue are SetHeaderAction. */
    private static String actionClass(String parameter) {
        if (parameter.startsWith("SetHeader")) {
            return "SetHeader";
        }
        if (parameter.startsWith("ApplyHtmlDisclaimer")) {
            return "ApplyHtmlDisclaimer";
        }
        if (parameter.startsWith("RejectMessage")) {
            return "RejectMessage";
        }
        return parameter;
    }

    private List<String> setParameters(TransportRule rule) {
        List<String> set = new ArrayList<>();
        if (!rule.senderDomainIs().isEmpty()) {
            set.add("SenderDomainIs");
        }
        if (rule.fromScope() != null) {
            set.add("FromScope");
        }
        if (!rule.from().isEmpty()) {
            set.add("From");
        }
        if (!rule.fromMemberOf().isEmpty()) {
            set.add("FromMemberOf");
        }
        if (!rule.exceptIfSenderIpRanges().isEmpty()) {
            set.add("ExceptIfSenderIpRanges");
        }
        if (rule.routeMessageOutboundConnector() != null) {
            set.add("RouteMessageOutboundConnector");
        }
        if (rule.setHeaderName() != null) {
            set.add("SetHeaderName");
        }
        if (rule.setAuditSeverity() != null) {
            set.add("SetAuditSeverity");
        }
        if (rule.stopRuleProcessing()) {
            set.add("StopRuleProcessing");
        }
        set.addAll(other.present(rule.other()));
        return set;
    }
}
