package com.trustifi.onboarding.simulator.exchange;

/**
 * How often one cmdlet was invoked on one tenant.
 *
 * @param calls  every InvokeCommand call, failed ones included
 * @param writes calls of a verb that changes state (New, Set, Remove, Enable, Disable, Add), failed ones included
 */
public record CmdletCount(long calls, long writes) {
}
