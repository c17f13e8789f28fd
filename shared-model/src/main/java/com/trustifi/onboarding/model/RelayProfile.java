package com.trustifi.onboarding.model;

import java.util.List;
import java.util.Objects;

/**
 * The Exchange objects a relay needs, described as data: one complete desired state per vendor guide. The worker
 * converges each tenant to it, so the same profile applied twice changes nothing the second time. Both profiles
 * name their objects alike, so switching a tenant from one to the other changes the objects in place (and the saved
 * remote-domain values in the outbound connector's comment survive the switch).
 *
 * @param name                   which guide this is
 * @param connectorType          Exchange's ConnectorType of the outbound connector: OnPremises ("Your organization's
 *                               email server") or Partner ("Partner organization")
 * @param outboundConnectorName  seed step 10
 * @param smartHost              seed step 12
 * @param tlsDomain              seed step 13
 * @param inboundConnector       whether the relay hands mail back through an inbound connector (seed steps 17-21);
 *                               without one, a connector of that name left by the other profile is removed
 * @param inboundConnectorName   seed step 19
 * @param relayIpAddresses       the relay's sending addresses: inbound connector (step 20) and the
 *                               rule's loop-avoiding exception (step 42)
 * @param transportRuleName      seed step 29
 * @param headerName             seed step 39; its value is the relay secret
 * @param vendorInboundRuleName  seed step 46: the vendor's inbound rule, which must come after ours
 * @param spfIpAddresses         seed step 47: addresses the SPF record should list; empty when the profile
 *                               relies on the domain-verification records instead
 * @param domainVerification     the partner publishes the vendor's domain-verification records (identity, DKIM,
 *                               MAIL FROM) for every relay domain
 */
public record RelayProfile(
        RelayProfileName name,
        String connectorType,
        String outboundConnectorName,
        String smartHost,
        String tlsDomain,
        boolean inboundConnector,
        String inboundConnectorName,
        List<String> relayIpAddresses,
        String transportRuleName,
        String headerName,
        String vendorInboundRuleName,
        List<String> spfIpAddresses,
        boolean domainVerification) {

    private static final List<String> RELAY_IPS = List.of("3.93.243.176", "3.93.139.220", "52.73.143.252", "52.54.159.237");

    /** The seed: the vendor's guide for tenants created before 2023-01-01. */
    public static final RelayProfile OLDER_TENANT = new RelayProfile(RelayProfileName.OLDER_TENANT, "OnPremises",
            "Trustifi Outbound Connector (Send)", "smtp.trustifi.com", "*.trustifi.com",
            true, "Trustifi Inbound Connector (Receive)", RELAY_IPS,
            "Trustifi Outbound Relay", "x-trustifi-creds", "Trustifi Inbound Relay",
            List.of("52.73.143.252", "52.54.159.237"), false);

    /**
     * The vendor's guide for every tenant (docs/relay-profiles.md): a Partner connector, no inbound connector (the
     * relay delivers the mail itself, signed for the customer's verified domain, so nothing comes back to relay
     * through the tenant), and the domain-verification records instead of SPF addresses. Values the readable part of
     * that guide does not give are carried over from the seed; that is inferred.
     */
    public static final RelayProfile ALL_TENANTS = new RelayProfile(RelayProfileName.ALL_TENANTS, "Partner",
            "Trustifi Outbound Connector (Send)", "smtp.trustifi.com", "*.trustifi.com",
            false, "Trustifi Inbound Connector (Receive)", RELAY_IPS,
            "Trustifi Outbound Relay", "x-trustifi-creds", "Trustifi Inbound Relay",
            List.of(), true);

    public RelayProfile {
        Objects.requireNonNull(name, "name");
        relayIpAddresses = List.copyOf(relayIpAddresses);
        spfIpAddresses = List.copyOf(spfIpAddresses);
    }

    public static RelayProfile named(RelayProfileName name) {
        return switch (name) {
            case OLDER_TENANT -> OLDER_TENANT;
            case ALL_TENANTS -> ALL_TENANTS;
        };
    }
}
