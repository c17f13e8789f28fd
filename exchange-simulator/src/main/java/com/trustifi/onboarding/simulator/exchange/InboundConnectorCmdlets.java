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

    /** New-InboundConnector's parameters in Microsoft's cmdlet reference, but -WhatIf. */
    private static final List<String> SETTINGS = List.of("ConnectorType", "SenderDomains", "SenderIPAddresses",
            "CloudServicesMailEnabled", "TreatMessagesAsInternal", "RequireTls", "RestrictDomainsToIPAddresses",
            "RestrictDomainsToCertificate", "TlsSenderCertificateName", "Enabled", "Comment", "ConnectorSource");

    /** Stored and shown, not acted on: enhanced filtering and the partner-organization lists. */
    static final DocumentedParameters OTHER = new DocumentedParameters()
            .texts("AssociatedAcceptedDomains", "EFSkipIPs", "EFUsers", "ScanAndDropRecipients", "TrustedOrganizations")
            .flags("EFSkipLastIP", "EFTestMode", "EFSkipMailGateway");

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    private static final Set<String> NEW_PARAMETERS = declared("Name", "Confirm");
    private static final Set<String> SET_PARAMETERS = declared("Identity", "Name", "Confirm");
    private static final Set<String> REMOVE_PARAMETERS = Set.of("Identity", "Confirm");

    private static Set<String> declared(String... extra) {
        return Set.copyOf(Stream.of(SETTINGS.stream(), OTHER.names().stream(), Stream.of(extra)).flatMap(s -> s).toList());
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
        List<String> senderDomains = senderDomains(parameters);
        if (senderDomains.isEmpty()) {
            throw CmdletException.missingMandatory("SenderDomains");
        }
        if (connectors.nameTaken(name)) {
            throw CmdletException.inboundConnectorExists(name);
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
                throw CmdletException.inboundConnectorExists(newName);
            }
            changed = changed.renamed(newName);
        }
        connectors.replace(current, validated(changed));
    }

    private static InboundConnector existing(CmdletParameters parameters, NamedObjects<InboundConnector> connectors, String dc) {
        String identity = parameters.requiredString("Identity");
        return connectors.find(identity).orElseThrow(() -> CmdletException.objectNotFound(identity, dc));
    }

    /** Accepts domains as given or as Get- shows them ({@code smtp:*;1}), so a read-back value can be written again. */
    private static List<String> senderDomains(CmdletParameters parameters) {
        return parameters.strings("SenderDomains").stream()
                .map(domain -> domain.trim().replaceFirst("(?i)^smtp:", "").replaceFirst(";\\d+$", ""))
                .toList();
    }

    private static InboundConnector applySettings(InboundConnector base, CmdletParameters p, OffsetDateTime now) {
        if (p.has("SenderIPAddresses")) {
            Ipv4Range.requireConnectorRanges("SenderIPAddresses", p.strings("SenderIPAddresses"));
        }
        return new InboundConnector(
                base.guid(),
                base.name(),
                p.has("ConnectorType") ? p.enumValue("ConnectorType", ConnectorType.class, ConnectorType.DOTNET_TYPE) : base.connectorType(),
                p.has("SenderDomains") ? senderDomains(p) : base.senderDomains(),
                p.has("SenderIPAddresses") ? p.strings("SenderIPAddresses") : base.senderIpAddresses(),
                p.has("CloudServicesMailEnabled") ? p.bool("CloudServicesMailEnabled") : base.cloudServicesMailEnabled(),
                p.has("TreatMessagesAsInternal") ? p.bool("TreatMessagesAsInternal") : base.treatMessagesAsInternal(),
                p.has("RequireTls") ? p.bool("RequireTls") : base.requireTls(),
                p.has("RestrictDomainsToIPAddresses") ? p.bool("RestrictDomainsToIPAddresses") : base.restrictDomainsToIpAddresses(),
                p.has("RestrictDomainsToCertificate") ? p.bool("RestrictDomainsToCertificate") : base.restrictDomainsToCertificate(),
                p.has("TlsSenderCertificateName") ? p.string("TlsSenderCertificateName") : base.tlsSenderCertificateName(),
                p.has("Enabled") ? p.bool("Enabled") : base.enabled(),
                p.has("Comment") ? p.string("Comment") : base.comment(),
                p.has("ConnectorSource") ? p.enumValue("ConnectorSource", ConnectorSource.class, ConnectorSource.DOTNET_TYPE).name()
                        : base.connectorSource(),
                OTHER.bind(p, base.other()),
                base.whenCreated(),
                now);
    }

    /**
     * Checks the resulting object, not the parameters, so a Set- cannot leave a connector Exchange would refuse. Which
     * parameters are Partner-only and OnPremises-only is from the cmdlet reference; the texts follow the pattern of the
     * captured SenderRewritingEnabled refusal [S8] (invented). RequireTls is not refused on OnPremises connectors: the
     * reference calls it Partner-only, but live Get-InboundConnector output [S3] (and every Hybrid Wizard connector)
     * shows OnPremises connectors with RequireTls true, and the capture wins.
     */
    private static InboundConnector validated(InboundConnector c) {
        if (c.senderDomains().isEmpty()) {
            throw CmdletException.missingMandatory("SenderDomains");
        }
        boolean partner = c.connectorType() == ConnectorType.Partner;
        requireType(partner, "Partner", "RestrictDomainsToCertificate", c.restrictDomainsToCertificate());
        requireType(partner, "Partner", "RestrictDomainsToIPAddresses", c.restrictDomainsToIpAddresses());
        requireType(!partner, "OnPremises", "TreatMessagesAsInternal", c.treatMessagesAsInternal());
        if (c.treatMessagesAsInternal() && c.cloudServicesMailEnabled()) {
            throw CmdletException.argument("TreatMessagesAsInternal and CloudServicesMailEnabled can't both be set to true on the same connector.");
        }
        return c;
    }

    private static void requireType(boolean rightType, String type, String parameter, boolean set) {
        if (set && !rightType) {
            throw CmdletException.argument("The " + parameter + " parameter can only be specified for Connector type " + type + ".");
        }
    }
}
