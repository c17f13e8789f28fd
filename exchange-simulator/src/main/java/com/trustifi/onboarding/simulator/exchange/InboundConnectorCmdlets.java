package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Get-, New-, Set- and Remove-InboundConnector. */
final class InboundConnectorCmdlets implements CmdletFamily {

    private static final String GET = "Get-InboundConnector";
    private static final String NEW = "New-InboundConnector";
    private static final String SET = "Set-InboundConnector";
    private static final String REMOVE = "Remove-InboundConnector";

    /** Exchange accepts sender IP ranges no wider than a /24 on inbound connectors. */
    private static final int NARROWEST_ALLOWED_PREFIX = 24;

    private static final List<String> SETTINGS = List.of("ConnectorType", "SenderDomains", "SenderIPAddresses",
            "CloudServicesMailEnabled", "TreatMessagesAsInternal", "RequireTls", "RestrictDomainsToIPAddresses",
            "RestrictDomainsToCertificate", "Enabled", "Comment");

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    private static final Set<String> NEW_PARAMETERS = declared("Name", "Confirm");
    private static final Set<String> SET_PARAMETERS = declared("Identity", "Name", "Confirm");
    private static final Set<String> REMOVE_PARAMETERS = Set.of("Identity", "Confirm");

    private static Set<String> declared(String... extra) {
        return Set.copyOf(Stream.concat(SETTINGS.stream(), Stream.of(extra)).toList());
    }

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET, NEW, SET, REMOVE);
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        NamedObjects<InboundConnector> connectors = context.objects().inboundConnectors();
        String dc = context.domainController();
        return switch (cmdletName) {
            case GET -> {
                parameters.requireDeclared(GET_PARAMETERS);
                yield parameters.has("Identity")
                        ? List.of(existing(parameters, connectors, dc).toExchangeObject())
                        : connectors.all().stream().map(InboundConnector::toExchangeObject).toList();
            }
            case NEW -> List.of(create(parameters, connectors, context.now()).toExchangeObject());
            case SET -> {
                update(parameters, connectors, context);
                yield List.of();
            }
            case REMOVE -> {
                parameters.requireDeclared(REMOVE_PARAMETERS);
                connectors.remove(existing(parameters, connectors, dc));
                yield List.of();
            }
            default -> throw CmdletException.commandNotFound(cmdletName);
        };
    }

    private static InboundConnector create(CmdletParameters parameters, NamedObjects<InboundConnector> connectors, OffsetDateTime now) {
        parameters.requireDeclared(NEW_PARAMETERS);
        String name = parameters.requiredString("Name");
        List<String> senderDomains = parameters.strings("SenderDomains");
        if (senderDomains.isEmpty()) {
            throw CmdletException.missingMandatory("SenderDomains");
        }
        if (connectors.nameTaken(name)) {
            throw CmdletException.nameExists("Inbound", name);
        }
        InboundConnector created = validated(applySettings(InboundConnector.withDefaults(name, senderDomains, now), parameters, now));
        connectors.add(created);
        return created;
    }

    private static void update(CmdletParameters parameters, NamedObjects<InboundConnector> connectors, CmdletContext context) {
        parameters.requireDeclared(SET_PARAMETERS);
        InboundConnector current = existing(parameters, connectors, context.domainController());
        InboundConnector changed = applySettings(current, parameters, context.now());
        if (parameters.has("Name")) {
            String newName = parameters.requiredString("Name");
            if (!newName.equalsIgnoreCase(current.name()) && connectors.nameTaken(newName)) {
                throw CmdletException.nameExists("Inbound", newName);
            }
            changed = renamed(changed, newName);
        }
        connectors.replace(current, validated(changed));
    }

    private static InboundConnector existing(CmdletParameters parameters, NamedObjects<InboundConnector> connectors, String dc) {
        String identity = parameters.requiredString("Identity");
        return connectors.find(identity).orElseThrow(() -> CmdletException.objectNotFound(identity, dc));
    }

    private static InboundConnector applySettings(InboundConnector base, CmdletParameters p, OffsetDateTime now) {
        if (p.has("SenderIPAddresses")) {
            Ipv4Range.requireAll("SenderIPAddresses", p.strings("SenderIPAddresses"), NARROWEST_ALLOWED_PREFIX);
        }
        return new InboundConnector(
                base.guid(),
                base.name(),
                p.has("ConnectorType") ? p.enumValue("ConnectorType", ConnectorType.class, ConnectorType.DOTNET_TYPE) : base.connectorType(),
                p.has("SenderDomains") ? p.strings("SenderDomains") : base.senderDomains(),
                p.has("SenderIPAddresses") ? p.strings("SenderIPAddresses") : base.senderIpAddresses(),
                p.has("CloudServicesMailEnabled") ? p.bool("CloudServicesMailEnabled") : base.cloudServicesMailEnabled(),
                p.has("TreatMessagesAsInternal") ? p.bool("TreatMessagesAsInternal") : base.treatMessagesAsInternal(),
                p.has("RequireTls") ? p.bool("RequireTls") : base.requireTls(),
                p.has("RestrictDomainsToIPAddresses") ? p.bool("RestrictDomainsToIPAddresses") : base.restrictDomainsToIpAddresses(),
                p.has("RestrictDomainsToCertificate") ? p.bool("RestrictDomainsToCertificate") : base.restrictDomainsToCertificate(),
                p.has("Enabled") ? p.bool("Enabled") : base.enabled(),
                p.has("Comment") ? p.string("Comment") : base.comment(),
                base.whenCreated(),
                now);
    }

    private static InboundConnector renamed(InboundConnector c, String name) {
        return new InboundConnector(c.guid(), name, c.connectorType(), c.senderDomains(), c.senderIpAddresses(),
                c.cloudServicesMailEnabled(), c.treatMessagesAsInternal(), c.requireTls(), c.restrictDomainsToIpAddresses(),
                c.restrictDomainsToCertificate(), c.enabled(), c.comment(), c.whenCreated(), c.whenChanged());
    }

    /** Checks the resulting object, not the parameters, so a Set- cannot leave a connector Exchange would refuse. */
    private static InboundConnector validated(InboundConnector c) {
        if (c.senderDomains().isEmpty()) {
            throw CmdletException.dataValidation("SenderDomains can't be empty. Specify at least one sender domain, or * for all domains.");
        }
        boolean partner = c.connectorType() == ConnectorType.Partner;
        if (partner && c.treatMessagesAsInternal()) {
            throw CmdletException.dataValidation("TreatMessagesAsInternal can only be set on connectors whose ConnectorType is OnPremises.");
        }
        if (c.treatMessagesAsInternal() && c.cloudServicesMailEnabled()) {
            throw CmdletException.dataValidation(
                    "TreatMessagesAsInternal and CloudServicesMailEnabled can't both be set to true on the same connector.");
        }
        if (!partner && (c.requireTls() || c.restrictDomainsToIpAddresses() || c.restrictDomainsToCertificate())) {
            throw CmdletException.dataValidation("RequireTls, RestrictDomainsToIPAddresses and RestrictDomainsToCertificate can only be "
                    + "set on connectors whose ConnectorType is Partner.");
        }
        return c;
    }
}
