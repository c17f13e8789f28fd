package com.trustifi.onboarding.model;

import java.util.List;

/**
 * The desired state for one tenant: which of its domains send through the relay, and how.
 *
 * @param relayDomains  the tenant's sender domains routed through the relay (seed step 31)
 * @param profile       the vendor guide the partner named; absent means the worker picks it from the
 *                      tenant's creation date ({@link RelayProfileName#forTenantCreated})
 * @param relaySecret   the x-trustifi-creds header value (seed step 40), encrypted; absent for
 *                      kinds that never write it (PLAN shows it masked, VERIFY compares it)
 * @param limitedScope  seed step 48: only these senders go through the relay; absent means all
 * @param testRecipient seed step 14: an address outside Microsoft 365 to validate the outbound
 *                      connector with; absent means no validation
 * @param domainRecords the domain-verification records the relay account asks the partner to publish for the
 *                      relay domains; the worker checks them in DNS when the profile needs them
 */
public record RelayConfiguration(
        List<String> relayDomains,
        RelayProfileName profile,
        EncryptedSecret relaySecret,
        LimitedScope limitedScope,
        String testRecipient,
        List<DnsRecord> domainRecords) {

    public RelayConfiguration {
        relayDomains = List.copyOf(relayDomains);
        domainRecords = domainRecords == null ? List.of() : List.copyOf(domainRecords);
    }

    /** Seed step 48: a group, or a list of sender addresses, as a transport rule condition. */
    public record LimitedScope(String group, List<String> senderAddresses) {

        public LimitedScope {
            senderAddresses = senderAddresses == null ? List.of() : List.copyOf(senderAddresses);
        }
    }
}
