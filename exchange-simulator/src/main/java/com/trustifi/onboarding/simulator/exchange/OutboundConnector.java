package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An Exchange Online outbound connector. Immutable: a Set- produces a new value. */
public record OutboundConnector(
        UUID guid,
        String name,
        ConnectorType connectorType,
        List<String> smartHosts,
        boolean useMxRecord,
        TlsAuthLevel tlsSettings,
        String tlsDomain,
        boolean isTransportRuleScoped,
        boolean enabled,
        List<String> recipientDomains,
        String comment,
        boolean cloudServicesMailEnabled,
        boolean routeAllMessagesViaOnPremises,
        OffsetDateTime whenCreated,
        OffsetDateTime whenChanged) implements NamedObject {

    public OutboundConnector {
        smartHosts = List.copyOf(smartHosts);
        recipientDomains = List.copyOf(recipientDomains);
    }

    /** What New-OutboundConnector creates when only -Name is given. */
    static OutboundConnector withDefaults(String name, OffsetDateTime now) {
        return new OutboundConnector(UUID.randomUUID(), name, ConnectorType.Partner, List.of(), true, null, null,
                false, true, List.of(), null, false, false, now, now);
    }

    public String identity() {
        return name;
    }

    /** The object as the InvokeCommand endpoint returns it: Exchange property names, PascalCase. */
    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", identity());
        object.put("Name", name);
        object.put("Guid", guid.toString());
        object.put("ConnectorType", connectorType.name());
        object.put("SmartHosts", smartHosts);
        object.put("UseMXRecord", useMxRecord);
        object.put("TlsSettings", tlsSettings == null ? null : tlsSettings.name());
        object.put("TlsDomain", tlsDomain);
        object.put("IsTransportRuleScoped", isTransportRuleScoped);
        object.put("Enabled", enabled);
        object.put("RecipientDomains", recipientDomains);
        object.put("Comment", comment);
        object.put("CloudServicesMailEnabled", cloudServicesMailEnabled);
        object.put("RouteAllMessagesViaOnPremises", routeAllMessagesViaOnPremises);
        object.put("WhenCreated", ExchangeTime.format(whenCreated));
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        return object;
    }
}
