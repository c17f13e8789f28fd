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

    private static final List<String> SETTINGS = List.of("ConnectorType", "SmartHosts", "UseMXRecord", "TlsSettings",
            "TlsDomain", "IsTransportRuleScoped", "Enabled", "RecipientDomains", "Comment", "CloudServicesMailEnabled",
            "RouteAllMessagesViaOnPremises");

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    private static final Set<String> NEW_PARAMETERS = declared("Name", "Confirm");
    private static final Set<String> SET_PARAMETERS = declared("Identity", "Name", "Confirm");
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
                remove(parameters, connectors, context.domainController());
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
            throw CmdletException.nameExists("Outbound", name);
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
                throw CmdletException.nameExists("Outbound", newName);
            }
            changed = renamed(changed, newName);
        }
        connectors.replace(current, validated(changed));
    }

    private static void remove(CmdletParameters parameters, NamedObjects<OutboundConnector> connectors, String dc) {
        parameters.requireDeclared(REMOVE_PARAMETERS);
        connectors.remove(existing(parameters, connectors, dc));
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
                p.has("TlsDomain") ? p.string("TlsDomain") : base.tlsDomain(),
                p.has("IsTransportRuleScoped") ? p.bool("IsTransportRuleScoped") : base.isTransportRuleScoped(),
                p.has("Enabled") ? p.bool("Enabled") : base.enabled(),
                p.has("RecipientDomains") ? p.strings("RecipientDomains") : base.recipientDomains(),
                p.has("Comment") ? p.string("Comment") : base.comment(),
                p.has("CloudServicesMailEnabled") ? p.bool("CloudServicesMailEnabled") : base.cloudServicesMailEnabled(),
                p.has("RouteAllMessagesViaOnPremises") ? p.bool("RouteAllMessagesViaOnPremises") : base.routeAllMessagesViaOnPremises(),
                base.whenCreated(),
                now);
    }

    private static OutboundConnector renamed(OutboundConnector c, String name) {
        return new OutboundConnector(c.guid(), name, c.connectorType(), c.smartHosts(), c.useMxRecord(), c.tlsSettings(),
                c.tlsDomain(), c.isTransportRuleScoped(), c.enabled(), c.recipientDomains(), c.comment(),
                c.cloudServicesMailEnabled(), c.routeAllMessagesViaOnPremises(), c.whenCreated(), c.whenChanged());
    }

    /** Checks the resulting object, not the parameters, so a Set- cannot leave a connector Exchange would refuse. */
    private static OutboundConnector validated(OutboundConnector c) {
        if (!c.useMxRecord() && c.smartHosts().isEmpty()) {
            throw CmdletException.dataValidation(
                    "SmartHosts must be specified when UseMXRecord is false. Specify at least one smart host or set UseMXRecord to true.");
        }
        if (c.tlsDomain() != null && !c.tlsDomain().isBlank() && c.tlsSettings() != TlsAuthLevel.DomainValidation) {
            throw CmdletException.dataValidation(
                    "TlsDomain can only be specified when TlsSettings is DomainValidation. TlsSettings is " + c.tlsSettings() + ".");
        }
        return c;
    }
}
