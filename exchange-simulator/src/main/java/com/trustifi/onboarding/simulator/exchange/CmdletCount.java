package com.trustifi.onboarding.simulator.exchange;

/**
 * How often one cmdlet was invoked on one tenant.
 *
 * @param calls  every InvokeCommand call (or $batch sub-request) that reached the tenant, failed and faulted ones included
 * @param writes calls of a verb that changes state (New, Set, Remove, Enable, Disable, Add), failed ones included
 * @param faults calls answered with an injected fault (throttling, 503, 504, concurrency limit, reset, ambiguous write...)
 */
public record CmdletCount(long calls, long writes, long faults) {
}
