package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An Exchange Online inbound connector. Immutable: a Set- produces a new value.
 *
 * @param senderDomains domains as given ({@code *}, {@code contoso.com}); Get- shows them as address spaces
 * @param other         the documented parameters the simulator only stores (EFSkipIPs, TrustedOrganizations, ...)
 */
public record InboundConnector(
        UUID guid,
        String name,
        ConnectorType connectorType,
        List<String> senderDomains,
        List<String> senderIpAddresses,
        boolean cloudServicesMailEnabled,
        boolean treatMessagesAsInternal,
        boolean requireTls,
        boolean restrictDomainsToIpAddresses,
        boolean restrictDomainsToCertificate,
        String tlsSenderCertificateName,
        boolean enabled,
        String comment,
        String connectorSource,
        Map<String, Object> other,
        OffsetDateTime whenCreated,
        OffsetDateTime whenChanged) implements NamedObject {

    public InboundConnector {
        senderDomains = List.copyOf(senderDomains);
        senderIpAddresses = List.copyOf(senderIpAddresses);
    }

    /** What New-InboundConnector creates from -Name and the mandatory -SenderDomains alone. */
    static InboundConnector withDefaults(String name, List<String> senderDomains, OffsetDateTime now) {
        return new InboundConnector(UUID.randomUUID(), name, ConnectorType.Partner, senderDomains, List.of(), false, false,
                false, false, false, null, true, null, "Default", Map.of(), now, now);
    }

    public String identity() {
        return name;
    }

    InboundConnector renamed(String newName) {
        return new InboundConnector(guid, newName, connectorType, senderDomains, senderIpAddresses, cloudServicesMailEnabled,
                treatMessagesAsInternal, requireTls, restrictDomainsToIpAddresses, restrictDomainsToCertificate, tlsSenderCertificateName,
                enabled, comment, connectorSource, other, whenCreated, whenChanged);
    }

    /** The object as Get-InboundConnector returns it; SenderDomains as SMTP address spaces with cost 1, {@code smtp:*;1} [S3]. */
    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = ConnectorProperties.leading(identity(), guid, enabled, connectorType, connectorSource, comment);
        object.put("SenderDomains", senderDomains.stream().map(domain -> "smtp:" + domain + ";1").toList());
        object.put("SenderIPAddresses", senderIpAddresses);
        object.put("CloudServicesMailEnabled", cloudServicesMailEnabled);
        object.put("TreatMessagesAsInternal", treatMessagesAsInternal);
        object.put("RequireTls", requireTls);
        object.put("RestrictDomainsToIPAddresses", restrictDomainsToIpAddresses);
        object.put("RestrictDomainsToCertificate", restrictDomainsToCertificate);
        object.put("TlsSenderCertificateName", tlsSenderCertificateName);
        InboundConnectorCmdlets.OTHER.writeTo(object, other, List.of());
        return ConnectorProperties.withTimestamps(object, whenCreated, whenChanged);
    }
}
