package com.trustifi.onboarding.simulator.exchange;

/**
 * What a cmdlet may see of its tenant.
 *
 * @param objects          the tenant's Exchange objects
 * @param domainController the server name Exchange puts into "couldn't be found on ..." messages
 */
public record CmdletContext(ExchangeObjects objects, String domainController) {
}
