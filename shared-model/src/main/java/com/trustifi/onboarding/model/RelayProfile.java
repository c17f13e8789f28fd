package com.trustifi.onboarding.model;

/**
 * The Exchange objects a relay needs, described as data. The worker converges each tenant to it,
 * so the same profile applied twice changes nothing the second time.
 */
public record RelayProfile(String outboundConnectorName, String smartHost, String tlsDomain) {

    /** The vendor's guide for tenants created before 2023-01-01 (seed steps 10, 12 and 13). */
    public static RelayProfile organizationConnector() {
        return new RelayProfile("Trustifi Outbound Connector (Send)", "smtp.trustifi.com", "*.trustifi.com");
    }
}
