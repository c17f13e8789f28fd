package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Get-, New-, Set-, Remove- and Validate-OutboundConnector. */
final class OutboundConnectorCmdlets implements CmdletFamily {

    private static final String GET = "Get-OutboundConnector";
    private static final String NEW = "New-OutboundConnector";
    private static final String SET = "Set-OutboundConnector";
    private static final String REMOVE = "Remove-OutboundConnector";
    private static final String VALIDATE = "Validate-OutboundConnector";

    /** New-OutboundConnector's parameters in Microsoft's cmdlet reference, but -WhatIf and -LinkForModifiedConnector. */
    private static final List<String> SETTINGS = List.of("ConnectorType", "SmartHosts", "UseMXRecord", "TlsSettings",
            "TlsDomain", "IsTransportRuleScoped", "Enabled", "RecipientDomains", "Comment", "CloudServicesMailEnabled",
            "RouteAllMessagesViaOnPremises", "AllAcceptedDomains", "SenderRewritingEnabled", "TestMode", "ValidationRecipients",
            "ConnectorSource");

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    private static final Set<String> NEW_PARAMETERS = declared("Name", "Confirm");
    /** Set- also takes IsValidated, which the EAC's validation sets. */
    private static final Set<String> SET_PARAMETERS = declared("Identity", "Name", "Confirm", "IsValidated");
    private static final Set<String> REMOVE_PARAMETERS = Set.of("Identity", "Confirm");
    private static final Set<String> VALIDATE_PARAMETERS = Set.of("Identity", "Recipients");

    private static Set<String> declared(String... extra) {
        return Set.copyOf(Stream.concat(SETTINGS.stream(), Stream.of(extra)).toList());
    }

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET, NEW, SET, REMOVE, VALIDATE);
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        NamedObjects<OutboundConnector> connectors = context.objects().outboundConnectors();
        return switch (cmdletName) {
            case GET -> get(parameters, connectors, context.domainController());
            case NEW -> List.of(create(parameters, connectors, context.now()).toExchangeObject());
            case SET -> {
                update(parameters, connectors, context);
                // Set- cmdlets write no object to the pipeline.
                yield List.of();
            }
            case REMOVE -> {
                remove(parameters, context);
                yield List.of();
            }
            case VALIDATE -> validate(parameters, context);
            default -> throw CmdletException.commandNotFound(cmdletName);
        };
    }

    private static List<Map<String, Object>> get(CmdletParameters parameters, NamedObjects<OutboundConnector> connectors, String dc) {
        parameters.requireDeclared(GET_PARAMETERS);
        if (!parameters.has("Identity")) {
            return connectors.all().stream().map(OutboundConnector::toExchangeObject).toList();
        }
        return List.of(existing(parameters, connectors, dc).toExchangeObject());
    }

    private static OutboundConnector create(CmdletParameters parameters, NamedObjects<OutboundConnector> connectors, OffsetDateTime now) {
        parameters.requireDeclared(NEW_PARAMETERS);
        String name = parameters.requiredString("Name");
        if (connectors.nameTaken(name)) {
            throw CmdletException.outboundConnectorExists(name);
        }
        OutboundConnector created = validated(applySettings(OutboundConnector.withDefaults(name, now), parameters, now));
        connectors.add(created);
        return created;
    }

    private static void update(CmdletParameters parameters, NamedObjects<OutboundConnector> connectors, CmdletContext context) {
        parameters.requireDeclared(SET_PARAMETERS);
        OutboundConnector current = existing(parameters, connectors, context.domainController());
        OutboundConnector changed = applySettings(current, parameters, context.now());
        if (parameters.has("Name")) {
            String newName = parameters.requiredString("Name");
            if (!newName.equalsIgnoreCase(current.name()) && connectors.nameTaken(newName)) {
                throw CmdletException.outboundConnectorExists(newName);
            }
            changed = changed.renamed(newName);
        }
        changed = validated(changed);
        boolean stillUsable = changed.enabled() && changed.isTransportRuleScoped() && changed.name().equalsIgnoreCase(current.name());
        if (!stillUsable) {
            requireUnreferenced(current, context);
        }
        connectors.replace(current, changed);
    }

    private static void remove(CmdletParameters parameters, CmdletContext context) {
        parameters.requireDeclared(REMOVE_PARAMETERS);
        OutboundConnector connector = existing(parameters, context.objects().outboundConnectors(), context.domainController());
        requireUnreferenced(connector, context);
        context.objects().outboundConnectors().remove(connector);
    }

    /** A rule routing to a connector pins it: it cannot be removed, disabled, unscoped or renamed under the rule [S7]. */
    private static void requireUnreferenced(OutboundConnector connector, CmdletContext context) {
        context.objects().transportRules().all().stream()
                .filter(rule -> connector.name().equalsIgnoreCase(String.valueOf(rule.routeMessageOutboundConnector())))
                .findFirst()
                .ifPresent(rule -> {
                    throw CmdletException.connectorStillReferenced(connector.name(), rule.name());
                });
    }

    /**
     * The EAC's validation step: "Check connectivity" reaches the smart host, "Send test email" only succeeds once an
     * effective, enabled, enforcing transport rule routes mail to a rule-scoped connector (seed step 15 expects it to fail
     * before the rule exists). A recipient inside the tenant is refused because its mail would never leave Office 365.
     */
    private static List<Map<String, Object>> validate(CmdletParameters parameters, CmdletContext context) {
        parameters.requireDeclared(VALIDATE_PARAMETERS);
        OutboundConnector connector = existing(parameters, context.objects().outboundConnectors(), context.domainController());
        List<String> recipients = parameters.strings("Recipients");
        if (recipients.isEmpty()) {
            throw CmdletException.missingMandatory("Recipients");
        }
        for (String recipient : recipients) {
            if (!recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw CmdletException.cannotConvert("Recipients", recipient, "Microsoft.Exchange.Data.SmtpAddress",
                        "The email address \"" + recipient + "\" isn't correct. Please use this format: user name, the @ sign, "
                                + "followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com.");
            }
            if (context.hostedInTenant(recipient)) {
                throw CmdletException.argument("The recipient " + recipient + " is hosted in Office 365. To validate this connector, "
                        + "the recipient must not be hosted in Office 365; specify an email address on your organization's email server.");
            }
        }
        boolean connected = connector.enabled();
        boolean routed = !connector.isTransportRuleScoped() || context.objects().transportRules().all().stream()
                .anyMatch(rule -> rule.routesTo(connector.name()) && rule.effective(context.now()));
        return List.of(
                validationResult(connector, "Check connectivity", connected,
                        connected ? "Connected to " + String.join(", ", connector.smartHosts()) + "." : "The connector is disabled."),
                validationResult(connector, "Send test email", connected && routed, connected && routed
                        ? "The test email was sent to " + String.join(", ", recipients) + "."
                        : "No enabled transport rule redirects messages to this connector yet, so the test email wasn't sent through it."));
    }

    private static Map<String, Object> validationResult(OutboundConnector connector, String taskName, boolean succeeded, String details) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Identity", connector.identity());
        result.put("TaskName", taskName);
        result.put("Status", succeeded ? "Succeeded" : "Failed");
        result.put("Details", details);
        return result;
    }

    private static OutboundConnector existing(CmdletParameters parameters, NamedObjects<OutboundConnector> connectors, String dc) {
        String identity = parameters.requiredString("Identity");
        return connectors.find(identity).orElseThrow(() -> CmdletException.objectNotFound(identity, dc));
    }

    /** Overlays the parameters that were passed onto {@code base}; absent parameters keep their value. */
    private static OutboundConnector applySettings(OutboundConnector base, CmdletParameters p, OffsetDateTime now) {
        return new OutboundConnector(
                base.guid(),
                base.name(),
                p.has("ConnectorType") ? p.enumValue("ConnectorType", ConnectorType.class, ConnectorType.DOTNET_TYPE) : base.connectorType(),
                p.has("SmartHosts") ? p.strings("SmartHosts") : base.smartHosts(),
                p.has("UseMXRecord") ? p.bool("UseMXRecord") : base.useMxRecord(),
                p.has("TlsSettings") ? p.optionalEnum("TlsSettings", TlsAuthLevel.class, TlsAuthLevel.DOTNET_TYPE) : base.tlsSettings(),
                p.has("TlsDomain") ? blankAsNull(p.string("TlsDomain")) : base.tlsDomain(),
                p.has("IsTransportRuleScoped") ? p.bool("IsTransportRuleScoped") : base.isTransportRuleScoped(),
                p.has("Enabled") ? p.bool("Enabled") : base.enabled(),
                p.has("RecipientDomains") ? p.strings("RecipientDomains") : base.recipientDomains(),
                p.has("Comment") ? p.string("Comment") : base.comment(),
                p.has("CloudServicesMailEnabled") ? p.bool("CloudServicesMailEnabled") : base.cloudServicesMailEnabled(),
                p.has("RouteAllMessagesViaOnPremises") ? p.bool("RouteAllMessagesViaOnPremises") : base.routeAllMessagesViaOnPremises(),
                p.has("AllAcceptedDomains") ? p.bool("AllAcceptedDomains") : base.allAcceptedDomains(),
                p.has("SenderRewritingEnabled") ? p.bool("SenderRewritingEnabled") : base.senderRewritingEnabled(),
                p.has("TestMode") ? p.bool("TestMode") : base.testMode(),
                p.has("ValidationRecipients") ? p.strings("ValidationRecipients") : base.validationRecipients(),
                p.has("IsValidated") ? p.bool("IsValidated") : base.isValidated(),
                p.has("ConnectorSource") ? p.enumValue("ConnectorSource", ConnectorSource.class, ConnectorSource.DOTNET_TYPE).name()
                        : base.connectorSource(),
                base.whenCreated(),
                now);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Checks the resulting object, not the parameters, so a Set- cannot leave a connector Exchange would refuse. The
     * rules are [S7]'s; only SenderRewritingEnabled's text is captured [S8], the others follow its pattern (invented).
     */
    private static OutboundConnector validated(OutboundConnector c) {
        boolean onPremises = c.connectorType() == ConnectorType.OnPremises;
        if (!c.useMxRecord() && c.smartHosts().isEmpty()) {
            throw CmdletException.argument("SmartHosts must be specified when UseMXRecord is set to false.");
        }
        if (onPremises && c.useMxRecord()) {
            throw CmdletException.argument("UseMXRecord can't be set to true for Connector type OnPremises. Specify SmartHosts instead.");
        }
        boolean unscoped = c.recipientDomains().isEmpty() && !c.allAcceptedDomains();
        if (c.isTransportRuleScoped() != unscoped) {
            throw CmdletException.argument(c.isTransportRuleScoped()
                    ? "A connector with IsTransportRuleScoped set to true can't have RecipientDomains or AllAcceptedDomains."
                    : "Specify RecipientDomains or AllAcceptedDomains, or set IsTransportRuleScoped to true.");
        }
        if ((c.tlsSettings() == TlsAuthLevel.DomainValidation) != (c.tlsDomain() != null)) {
            throw CmdletException.argument("TlsDomain must be specified exactly when TlsSettings is DomainValidation.");
        }
        onPremisesOnly(onPremises, "RouteAllMessagesViaOnPremises", c.routeAllMessagesViaOnPremises());
        onPremisesOnly(onPremises, "CloudServicesMailEnabled", c.cloudServicesMailEnabled());
        onPremisesOnly(onPremises, "AllAcceptedDomains", c.allAcceptedDomains());
        onPremisesOnly(onPremises, "SenderRewritingEnabled", c.senderRewritingEnabled());
        for (String smartHost : c.smartHosts()) {
            if (Ipv4Range.parse(smartHost).map(Ipv4Range::reserved).orElse(false)) {
                throw CmdletException.reservedAddresses(smartHost.trim());
            }
        }
        return c;
    }

    private static void onPremisesOnly(boolean onPremises, String parameter, boolean set) {
        if (set && !onPremises) {
            throw CmdletException.argument("The " + parameter + " parameter can only be specified for Connector type OnPremises.");
        }
    }
}
