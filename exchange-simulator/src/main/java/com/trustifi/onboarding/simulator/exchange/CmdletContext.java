package com.trustifi.onboarding.simulator.exchange;

import com.trustifi.onboarding.simulator.DomainSpec;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a cmdlet may see of its tenant and of the simulated service.
 *
 * @param objects                        the tenant's Exchange objects
 * @param domains                        the tenant's domains, for accepted domains and recipient checks
 * @param domainController               the server name Exchange puts into "couldn't be found on ..." messages
 * @param now                            the time the cmdlet runs
 * @param transportRulePropagationDelay  how long a changed transport rule takes to reach the transport service
 */
public record CmdletContext(ExchangeObjects objects, List<DomainSpec> domains, String domainController, OffsetDateTime now,
                            Duration transportRulePropagationDelay) {

    /** Whether {@code address} ends in one of the tenant's own domains, i.e. would be delivered inside Office 365. */
    boolean hostedInTenant(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).trim();
        return domains.stream().anyMatch(d -> d.name().equalsIgnoreCase(domain));
    }
}
