package com.trustifi.onboarding.model;

import java.util.List;
import java.util.Objects;

/**
 * The desired state for one tenant: which of its domains send through the relay, and how.
 *
 * @param relayDomains  the tenant's sender domains routed through the relay (seed step 31)
 * @param profile       the Exchange objects to converge to
 * @param relaySecret   the x-trustifi-creds header value (seed step 40), encrypted; absent for
 *                      kinds that never write it (PLAN shows it masked, VERIFY compares it)
 * @param limitedScope  seed step 48: only these senders go through the relay; absent means all
 * @param testRecipient seed step 14: an address outside Microsoft 365 to validate the outbound
 *                      connector with; absent means no validation
 * @param forceProfile  apply this profile to a tenant created on or after 2023-01-01, which the
 *                      vendor's guide does not cover
 */
public record RelayConfiguration(
        List<String> relayDomains,
        RelayProfile profile,
        EncryptedSecret relaySecret,
        LimitedScope limitedScope,
        String testRecipient,
        boolean forceProfile) {

    public RelayConfiguration {
        relayDomains = List.copyOf(relayDomains);
        Objects.requireNonNull(profile, "profile");
    }

    /** Seed step 48: a group, or a list of sender addresses, as a transport rule condition. */
    public record LimitedScope(String group, List<String> senderAddresses) {

        public LimitedScope {
            senderAddresses = senderAddresses == null ? List.of() : List.copyOf(senderAddresses);
        }
    }
}
