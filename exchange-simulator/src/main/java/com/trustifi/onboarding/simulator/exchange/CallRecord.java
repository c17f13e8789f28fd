package com.trustifi.onboarding.simulator.exchange;

import java.time.Instant;

/**
 * One InvokeCommand call (or $batch sub-request) as the tenant saw it, so tests can check a client's pacing.
 *
 * @param cmdlet            the cmdlet name, canonical spelling when known
 * @param arrivedAt         when the request reached the simulator
 * @param status            the HTTP status answered; 0 when the connection was closed without an answer
 * @param retryAfterSeconds the Retry-After sent with a 429, else null
 * @param fault             the injected fault, e.g. "throttled", or null when the service answered on its own
 */
public record CallRecord(String cmdlet, Instant arrivedAt, int status, Integer retryAfterSeconds, String fault) {
}
