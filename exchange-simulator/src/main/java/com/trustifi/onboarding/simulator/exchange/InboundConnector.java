package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An Exchange Online inbound connector. Immutable: a Set- produces a new value. */
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
        boolean enabled,
        String comment,
        OffsetDateTime whenCreated,
        OffsetDateTime whenChanged) implements NamedObject {

    public InboundConnector {
        senderDomains = List.copyOf(senderDomains);
        senderIpAddresses = List.copyOf(senderIpAddresses);
    }

    /** What New-InboundConnector creates from -Name and the mandatory -SenderDomains alone. */
    static InboundConnector withDefaults(String name, List<String> senderDomains, OffsetDateTime now) {
        return new InboundConnector(UUID.randomUUID(), name, ConnectorType.Partner, senderDomains, List.of(), false, false,
                false, false, false, true, null, now, now);
    }

    public String identity() {
        return name;
    }

    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", identity());
        object.put("Name", name);
        object.put("Guid", guid.toString());
        object.put("ConnectorType", connectorType.name());
        object.put("SenderDomains", senderDomains);
        object.put("SenderIPAddresses", senderIpAddresses);
        object.put("CloudServicesMailEnabled", cloudServicesMailEnabled);
        object.put("TreatMessagesAsInternal", treatMessagesAsInternal);
        object.put("RequireTls", requireTls);
        object.put("RestrictDomainsToIPAddresses", restrictDomainsToIpAddresses);
        object.put("RestrictDomainsToCertificate", restrictDomainsToCertificate);
        object.put("Enabled", enabled);
        object.put("Comment", comment);
        object.put("WhenCreated", ExchangeTime.format(whenCreated));
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        return object;
    }
}
