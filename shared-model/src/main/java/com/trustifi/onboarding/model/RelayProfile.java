package com.trustifi.onboarding.model;

import java.util.List;

/**
 * The Exchange objects a relay needs, described as data. The worker converges each tenant to it,
 * so the same profile applied twice changes nothing the second time.
 *
 * @param outboundConnectorName  seed step 10
 * @param smartHost              seed step 12
 * @param tlsDomain              seed step 13
 * @param inboundConnectorName   seed step 19
 * @param relayIpAddresses       the relay's sending addresses: inbound connector (step 20) and the
 *                               rule's loop-avoiding exception (step 42)
 * @param transportRuleName      seed step 29
 * @param headerName             seed step 39; its value is the relay secret
 * @param vendorInboundRuleName  seed step 46: the vendor's inbound rule, which must come after ours
 * @param spfIpAddresses         seed step 47: addresses the SPF record should list
 */
public record RelayProfile(
        String outboundConnectorName,
        String smartHost,
        String tlsDomain,
        String inboundConnectorName,
        List<String> relayIpAddresses,
        String transportRuleName,
        String headerName,
        String vendorInboundRuleName,
        List<String> spfIpAddresses) {

    public RelayProfile {
        relayIpAddresses = List.copyOf(relayIpAddresses);
        spfIpAddresses = List.copyOf(spfIpAddresses);
    }

    /** The vendor's guide for tenants created before 2023-01-01. */
    public static RelayProfile organizationConnector() {
        return new RelayProfile(
                "Trustifi Outbound Connector (Send)",
                "smtp.trustifi.com",
                "*.trustifi.com",
                "Trustifi Inbound Connector (Receive)",
                List.of("3.93.243.176", "3.93.139.220", "52.73.143.252", "52.54.159.237"),
                "Trustifi Outbound Relay",
                "x-trustifi-creds",
                "Trustifi Inbound Relay",
                List.of("52.73.143.252", "52.54.159.237"));
    }
}
