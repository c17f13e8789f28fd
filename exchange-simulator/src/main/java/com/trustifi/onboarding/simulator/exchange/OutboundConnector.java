package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
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
        boolean allAcceptedDomains,
        boolean senderRewritingEnabled,
        boolean testMode,
        List<String> validationRecipients,
        boolean isValidated,
        String connectorSource,
        OffsetDateTime whenCreated,
        OffsetDateTime whenChanged) implements NamedObject {

    public OutboundConnector {
        smartHosts = List.copyOf(smartHosts);
        recipientDomains = List.copyOf(recipientDomains);
        validationRecipients = List.copyOf(validationRecipients);
    }

    /** What New-OutboundConnector creates when only -Name is given. */
    static OutboundConnector withDefaults(String name, OffsetDateTime now) {
        return new OutboundConnector(UUID.randomUUID(), name, ConnectorType.Partner, List.of(), true, null, null,
                false, true, List.of(), null, false, false, false, false, false, List.of(), false, "Default", now, now);
    }

    public String identity() {
        return name;
    }

    OutboundConnector renamed(String newName) {
        return new OutboundConnector(guid, newName, connectorType, smartHosts, useMxRecord, tlsSettings, tlsDomain, isTransportRuleScoped,
                enabled, recipientDomains, comment, cloudServicesMailEnabled, routeAllMessagesViaOnPremises, allAcceptedDomains,
                senderRewritingEnabled, testMode, validationRecipients, isValidated, connectorSource, whenCreated, whenChanged);
    }

    /**
     * The object as Get-OutboundConnector returns it [S3]: Exchange property names, SmartHosts as strings, an empty
     * RecipientDomains as {@code []} (connectors, unlike rules, show empty lists), {@code WhenChangedUTC} beside WhenChanged.
     */
    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = ConnectorProperties.leading(identity(), guid, enabled, connectorType, connectorSource, comment);
        object.put("RecipientDomains", recipientDomains);
        object.put("SmartHosts", smartHosts);
        object.put("UseMXRecord", useMxRecord);
        object.put("TlsSettings", tlsSettings == null ? null : tlsSettings.name());
        object.put("TlsDomain", tlsDomain);
        object.put("IsTransportRuleScoped", isTransportRuleScoped);
        object.put("RouteAllMessagesViaOnPremises", routeAllMessagesViaOnPremises);
        object.put("CloudServicesMailEnabled", cloudServicesMailEnabled);
        object.put("AllAcceptedDomains", allAcceptedDomains);
        object.put("SenderRewritingEnabled", senderRewritingEnabled);
        object.put("TestMode", testMode);
        object.put("ValidationRecipients", validationRecipients);
        object.put("IsValidated", isValidated);
        return ConnectorProperties.withTimestamps(object, whenCreated, whenChanged);
    }
}
