package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Get-, New-, Set-, Remove-, Enable- and Disable-TransportRule. Priorities are dense and unique: a rule placed at
 * a taken priority pushes the others down. Every change reaches the transport service only after the configured
 * propagation delay, as Exchange Online warns that a rule can take 30 minutes or more to take effect.
 */
final class TransportRuleCmdlets implements CmdletFamily {

    private static final String GET = "Get-TransportRule";
    private static final String NEW = "New-TransportRule";
    private static final String SET = "Set-TransportRule";
    private static final String REMOVE = "Remove-TransportRule";
    private static final String ENABLE = "Enable-TransportRule";
    private static final String DISABLE = "Disable-TransportRule";

    private static final int MAX_NAME_LENGTH = 64;

    private static final List<String> SETTINGS = List.of("Name", "Priority", "Mode", "SenderDomainIs", "FromScope", "From",
            "FromMemberOf", "RouteMessageOutboundConnector", "SetHeaderName", "SetHeaderValue", "ExceptIfSenderIpRanges",
            "SetAuditSeverity", "StopRuleProcessing", "RuleErrorAction", "SenderAddressLocation", "Comments", "Confirm");

    /**
     * More of New-/Set-TransportRule's documented parameters (Microsoft's cmdlet reference), with their value types:
     * enough for the rules tenants already have (scoping, spam level, disclaimers, extra recipients, subject tags).
     */
    private static final DocumentedParameters OTHER = new DocumentedParameters()
            .texts("SentTo", "SentToMemberOf", "RecipientDomainIs", "RecipientAddressContainsWords", "AnyOfToHeader",
                    "AnyOfToCcHeader", "SubjectContainsWords", "SubjectOrBodyContainsWords", "FromAddressContainsWords",
                    "SenderIpRanges", "AttachmentExtensionMatchesWords", "HeaderContainsWords")
            .text("HeaderContainsMessageHeader", "MessageSizeOver", "AttachmentSizeOver")
            .choice("SentToScope", "InOrganization", "NotInOrganization", "ExternalPartner", "ExternalNonPartner")
            .choice("MessageTypeMatches", "OOF", "AutoForward", "Encrypted", "Calendaring", "PermissionControlled", "Voicemail",
                    "Signed", "ApprovalRequest", "ReadReceipt")
            .choice("WithImportance", "Low", "Normal", "High")
            .numbers("SCLOver")
            .flags("AttachmentHasExecutableContent", "AttachmentIsPasswordProtected")
            .texts("ExceptIfSentTo", "ExceptIfSentToMemberOf", "ExceptIfRecipientDomainIs", "ExceptIfFrom", "ExceptIfFromMemberOf",
                    "ExceptIfSenderDomainIs", "ExceptIfSubjectContainsWords", "ExceptIfSubjectOrBodyContainsWords",
                    "ExceptIfHeaderContainsWords", "ExceptIfRecipientAddressContainsWords")
            .text("ExceptIfHeaderContainsMessageHeader")
            .choice("ExceptIfSentToScope", "InOrganization", "NotInOrganization", "ExternalPartner", "ExternalNonPartner")
            .choice("ExceptIfFromScope", "InOrganization", "NotInOrganization")
            .choice("ExceptIfMessageTypeMatches", "OOF", "AutoForward", "Encrypted", "Calendaring", "PermissionControlled",
                    "Voicemail", "Signed", "ApprovalRequest", "ReadReceipt")
            .numbers("SetSCL")
            .texts("AddToRecipients", "CopyTo", "BlindCopyTo", "RedirectMessageTo", "ModerateMessageByUser")
            .choice("AddManagerAsRecipientType", "To", "Cc", "Bcc", "Redirect")
            .text("PrependSubject", "ApplyHtmlDisclaimerText", "RemoveHeader", "RejectMessageReasonText",
                    "RejectMessageEnhancedStatusCode", "ApplyClassification", "GenerateIncidentReport", "GenerateNotification",
                    "ApplyRightsProtectionTemplate")
            .choice("ApplyHtmlDisclaimerLocation", "Append", "Prepend")
            .choice("ApplyHtmlDisclaimerFallbackAction", "Wrap", "Ignore", "Reject")
            .flags("DeleteMessage", "Quarantine", "ModerateMessageByManager", "ApplyOME", "RemoveOME", "RouteMessageOutboundRequireTls")
            .text("ActivationDate", "ExpiryDate");

    private static final Set<String> ACTIONS = Set.of("RouteMessageOutboundConnector", "SetHeaderName", "SetHeaderValue",
            "SetAuditSeverity", "StopRuleProcessing", "SetSCL", "AddToRecipients", "CopyTo", "BlindCopyTo", "RedirectMessageTo",
            "ModerateMessageByUser", "AddManagerAsRecipientType", "PrependSubject", "ApplyHtmlDisclaimerText",
            "ApplyHtmlDisclaimerLocation", "ApplyHtmlDisclaimerFallbackAction", "RemoveHeader", "RejectMessageReasonText",
            "RejectMessageEnhancedStatusCode", "ApplyClassification", "GenerateIncidentReport", "GenerateNotification",
            "ApplyRightsProtectionTemplate", "DeleteMessage", "Quarantine", "ModerateMessageByManager", "ApplyOME", "RemoveOME",
            "RouteMessageOutboundRequireTls");

    static final TransportRuleShape SHAPE = new TransportRuleShape(OTHER, ACTIONS, Set.of("ActivationDate", "ExpiryDate"));

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    /** Set-TransportRule has no -Enabled: state changes only through Enable-/Disable-TransportRule. */
    private static final Set<String> NEW_PARAMETERS = declared("Enabled");
    private static final Set<String> SET_PARAMETERS = declared("Identity");
    private static final Set<String> IDENTITY_PARAMETERS = Set.of("Identity", "Confirm");

    private static Set<String> declared(String extra) {
        return Set.copyOf(Stream.of(SETTINGS.stream(), OTHER.names().stream(), Stream.of(extra)).flatMap(s -> s).toList());
    }

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET, NEW, SET, REMOVE, ENABLE, DISABLE);
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        NamedObjects<TransportRule> rules = context.objects().transportRules();
        return switch (cmdletName) {
            case GET -> get(parameters, rules, context);
            case NEW -> {
                TransportRule created = create(parameters, context);
                yield List.of(created.toExchangeObject(rules.positionOf(created)));
            }
            case SET -> {
                update(parameters, context);
                yield List.of();
            }
            case REMOVE -> {
                parameters.requireDeclared(IDENTITY_PARAMETERS);
                rules.remove(existing(parameters, rules, context));
                yield List.of();
            }
            case ENABLE, DISABLE -> {
                parameters.requireDeclared(IDENTITY_PARAMETERS);
                TransportRule current = existing(parameters, rules, context);
                rules.replace(current, current.enabled(cmdletName.equals(ENABLE), context.now(), effectiveAt(context)));
                yield List.of();
            }
            default -> throw CmdletException.commandNotFound(cmdletName);
        };
    }

    private static List<Map<String, Object>> get(CmdletParameters parameters, NamedObjects<TransportRule> rules, CmdletContext context) {
        parameters.requireDeclared(GET_PARAMETERS);
        if (parameters.has("Identity")) {
            TransportRule rule = existing(parameters, rules, context);
            return List.of(rule.toExchangeObject(rules.positionOf(rule)));
        }
        List<TransportRule> all = rules.all();
        List<Map<String, Object>> output = new ArrayList<>(all.size());
        for (int priority = 0; priority < all.size(); priority++) {
            output.add(all.get(priority).toExchangeObject(priority));
        }
        return output;
    }

    private static TransportRule create(CmdletParameters parameters, CmdletContext context) {
        parameters.requireDeclared(NEW_PARAMETERS);
        NamedObjects<TransportRule> rules = context.objects().transportRules();
        String name = parameters.requiredString("Name");
        requireUniqueName(rules, name);
        // A new rule may also take the position just past the last one.
        int priority = parameters.has("Priority") ? priority(parameters, rules.size()) : rules.size();
        TransportRule rule = applySettings(TransportRule.withDefaults(name, context.now()), parameters, context);
        if (parameters.has("Enabled")) {
            rule = rule.enabled(parameters.bool("Enabled"), context.now(), rule.effectiveAt());
        }
        rules.insert(priority, validated(rule));
        return rule;
    }

    private static void update(CmdletParameters parameters, CmdletContext context) {
        parameters.requireDeclared(SET_PARAMETERS);
        NamedObjects<TransportRule> rules = context.objects().transportRules();
        TransportRule current = existing(parameters, rules, context);
        int priority = parameters.has("Priority") ? priority(parameters, rules.size() - 1) : rules.positionOf(current);
        if (parameters.has("Name")) {
            String newName = parameters.requiredString("Name");
            if (!newName.equalsIgnoreCase(current.name())) {
                requireUniqueName(rules, newName);
            }
        }
        TransportRule changed = validated(applySettings(current, parameters, context));
        rules.replace(current, changed);
        rules.move(changed, priority);
    }

    private static void requireUniqueName(NamedObjects<TransportRule> rules, String name) {
        if (rules.nameTaken(name)) {
            throw CmdletException.ruleNameExists(name);
        }
    }

    private static int priority(CmdletParameters parameters, int highestAllowed) {
        int priority = parameters.integer("Priority");
        if (priority < 0 || priority > highestAllowed) {
            throw new CmdletException(400, "Ex2D91A0", "System.ArgumentOutOfRangeException",
                    "The value of the Priority parameter, " + priority + ", is out of range. Specify a value between 0 and "
                            + Math.max(0, highestAllowed) + ".");
        }
        return priority;
    }

    private static TransportRule existing(CmdletParameters parameters, NamedObjects<TransportRule> rules, CmdletContext context) {
        String identity = parameters.requiredString("Identity");
        return rules.find(identity).orElseThrow(() -> CmdletException.objectNotFound(identity, context.domainController()));
    }

    private static OffsetDateTime effectiveAt(CmdletContext context) {
        return context.now().plus(context.transportRulePropagationDelay());
    }

    /** Overlays the parameters that were passed onto {@code base}; absent parameters keep their value. */
    private static TransportRule applySettings(TransportRule base, CmdletParameters p, CmdletContext context) {
        if (p.has("ExceptIfSenderIpRanges")) {
            Ipv4Range.requireAll("ExceptIfSenderIpRanges", p.strings("ExceptIfSenderIpRanges"), 1);
        }
        if (p.has("SenderIpRanges")) {
            Ipv4Range.requireAll("SenderIpRanges", p.strings("SenderIpRanges"), 1);
        }
        String connector = p.has("RouteMessageOutboundConnector") ? p.string("RouteMessageOutboundConnector") : base.routeMessageOutboundConnector();
        if (p.has("RouteMessageOutboundConnector") && connector != null) {
            connector = routableConnector(connector, context).name();
        }
        return new TransportRule(
                base.guid(),
                p.has("Name") ? p.requiredString("Name") : base.name(),
                p.has("Mode") ? p.enumValue("Mode", RuleMode.class, RuleMode.DOTNET_TYPE) : base.mode(),
                base.enabled(),
                p.has("SenderDomainIs") ? p.strings("SenderDomainIs") : base.senderDomainIs(),
                p.has("FromScope") ? p.optionalEnum("FromScope", FromScope.class, FromScope.DOTNET_TYPE) : base.fromScope(),
                p.has("From") ? p.strings("From") : base.from(),
                p.has("FromMemberOf") ? p.strings("FromMemberOf") : base.fromMemberOf(),
                connector,
                p.has("SetHeaderName") ? p.string("SetHeaderName") : base.setHeaderName(),
                p.has("SetHeaderValue") ? p.string("SetHeaderValue") : base.setHeaderValue(),
                p.has("ExceptIfSenderIpRanges") ? p.strings("ExceptIfSenderIpRanges") : base.exceptIfSenderIpRanges(),
                p.has("SetAuditSeverity") ? p.optionalEnum("SetAuditSeverity", AuditSeverity.class, AuditSeverity.DOTNET_TYPE)
                        : base.setAuditSeverity(),
                p.has("StopRuleProcessing") ? p.bool("StopRuleProcessing") : base.stopRuleProcessing(),
                p.has("RuleErrorAction") ? p.enumValue("RuleErrorAction", RuleErrorAction.class, RuleErrorAction.DOTNET_TYPE)
                        : base.ruleErrorAction(),
                p.has("SenderAddressLocation")
                        ? p.enumValue("SenderAddressLocation", SenderAddressLocation.class, SenderAddressLocation.DOTNET_TYPE)
                        : base.senderAddressLocation(),
                p.has("Comments") ? p.string("Comments") : base.comments(),
                OTHER.bind(p, base.other()),
                context.now(),
                effectiveAt(context));
    }

    /**
     * A rule may route only to an existing, enabled, transport-rule-scoped outbound connector: ArgumentException
     * otherwise [S7]. The texts are not recovered; these are invented.
     */
    private static OutboundConnector routableConnector(String identity, CmdletContext context) {
        OutboundConnector connector = context.objects().outboundConnectors().find(identity).orElseThrow(() -> CmdletException.argument(
                "The outbound connector " + identity + " specified for RouteMessageOutboundConnector couldn't be found."));
        if (!connector.enabled()) {
            throw CmdletException.argument("The outbound connector " + connector.name()
                    + " specified for RouteMessageOutboundConnector is disabled. Enable the connector first.");
        }
        if (!connector.isTransportRuleScoped()) {
            throw CmdletException.argument("The outbound connector " + connector.name() + " specified for RouteMessageOutboundConnector "
                    + "isn't scoped to transport rules. Set IsTransportRuleScoped to true on the connector first.");
        }
        return connector;
    }

    /** Checks the resulting rule, so a Set- cannot leave a rule Exchange would refuse. */
    private static TransportRule validated(TransportRule rule) {
        if (rule.name().length() > MAX_NAME_LENGTH) {
            throw CmdletException.dataValidation("The length of the property is too long. The maximum length is " + MAX_NAME_LENGTH
                    + " and the length of the value provided is " + rule.name().length() + ".");
        }
        if ((rule.setHeaderName() == null) != (rule.setHeaderValue() == null)) {
            throw CmdletException.argument("SetHeaderName and SetHeaderValue must be specified together.");
        }
        return rule;
    }
}
