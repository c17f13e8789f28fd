package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Reads commands of both shapes. Before profiles, {@code profile} held the seed's objects as data (the only
     * profile there was) and {@code forceProfile} applied it to newer tenants too: that is naming OLDER_TENANT, and
     * without it the tenant's creation date chooses, as it did then for the tenants it accepted.
     */
    @JsonCreator
    static RelayConfiguration read(@JsonProperty("relayDomains") List<String> relayDomains,
            @JsonProperty("profile") JsonNode profile, @JsonProperty("relaySecret") EncryptedSecret relaySecret,
            @JsonProperty("limitedScope") LimitedScope limitedScope, @JsonProperty("testRecipient") String testRecipient,
            @JsonProperty("domainRecords") List<DnsRecord> domainRecords, @JsonProperty("forceProfile") boolean forceProfile) {
        RelayProfileName named = profile != null && profile.isTextual() ? RelayProfileName.valueOf(profile.asText())
                : forceProfile ? RelayProfileName.OLDER_TENANT : null;
        return new RelayConfiguration(relayDomains, named, relaySecret, limitedScope, testRecipient, domainRecords);
    }

    /** Seed step 48: a group, or a list of sender addresses, as a transport rule condition. */
    public record LimitedScope(String group, List<String> senderAddresses) {

        public LimitedScope {
            senderAddresses = senderAddresses == null ? List.of() : List.copyOf(senderAddresses);
        }
    }
}
