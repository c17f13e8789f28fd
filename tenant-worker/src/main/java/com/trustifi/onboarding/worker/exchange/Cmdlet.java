package com.trustifi.onboarding.worker.exchange;

/** Every Exchange Online cmdlet the worker runs: the one catalogue of their names. */
public enum Cmdlet {
    GET_ORGANIZATION_CONFIG("Get-OrganizationConfig"),
    ENABLE_ORGANIZATION_CUSTOMIZATION("Enable-OrganizationCustomization"),
    GET_ACCEPTED_DOMAIN("Get-AcceptedDomain"),
    GET_OUTBOUND_CONNECTOR("Get-OutboundConnector"),
    NEW_OUTBOUND_CONNECTOR("New-OutboundConnector"),
    SET_OUTBOUND_CONNECTOR("Set-OutboundConnector"),
    REMOVE_OUTBOUND_CONNECTOR("Remove-OutboundConnector"),
    VALIDATE_OUTBOUND_CONNECTOR("Validate-OutboundConnector"),
    GET_INBOUND_CONNECTOR("Get-InboundConnector"),
    NEW_INBOUND_CONNECTOR("New-InboundConnector"),
    SET_INBOUND_CONNECTOR("Set-InboundConnector"),
    REMOVE_INBOUND_CONNECTOR("Remove-InboundConnector"),
    GET_TRANSPORT_RULE("Get-TransportRule"),
    NEW_TRANSPORT_RULE("New-TransportRule"),
    SET_TRANSPORT_RULE("Set-TransportRule"),
    REMOVE_TRANSPORT_RULE("Remove-TransportRule"),
    GET_REMOTE_DOMAIN("Get-RemoteDomain"),
    SET_REMOTE_DOMAIN("Set-RemoteDomain");

    private final String wireName;

    Cmdlet(String wireName) {
        this.wireName = wireName;
    }

    /** The name Exchange knows it by, as sent in CmdletInput.CmdletName. */
    public String wireName() {
        return wireName;
    }

    /** Get- and Validate- change nothing, so they may be repeated even when their outcome is unknown. */
    public boolean isRead() {
        return wireName.startsWith("Get-") || wireName.startsWith("Validate-");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
