package com.trustifi.onboarding.simulator.fault;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/**
 * How unkind the simulated service is to InvokeCommand calls (and, for consent, to token requests). A tenant's own
 * profile replaces the global one entirely. Rates are probabilities per call, drawn from the simulator's seeded random.
 *
 * @param latencyMinMs           delay before a cmdlet runs, drawn uniformly from [min, max]; min = max for a fixed delay
 * @param latencyMaxMs           see latencyMinMs
 * @param throttleRate           calls answered 429 with {@code Retry-After: retryAfterSeconds}
 * @param retryAfterSeconds      the Retry-After of a throttled call
 * @param unavailableRate        calls answered 503 by the front end, without running the cmdlet
 * @param gatewayTimeoutRate     calls answered 504 by the front end, without running the cmdlet
 * @param maxConcurrentPerTenant calls of one tenant in flight at once; a call beyond it is answered 429 with Exchange's text
 * @param slowResponseMs         delay after the cmdlet ran and before the answer, to exceed a client's timeout
 * @param connectionResetRate    calls whose connection is closed without any response
 * @param ambiguousWriteRate     write cmdlets that are applied but answered 504 or 500: the classic source of duplicates
 * @param noConsent              the token endpoint refuses the tenant: admin consent was never granted
 * @param noExchangeRole         InvokeCommand answers 403: the app's service principal lacks the Exchange Administrator role
 * @param graphThrottleRate      Graph calls answered 429 with {@code Retry-After: retryAfterSeconds} and Graph's throttle headers
 */
public record FaultProfile(long latencyMinMs, long latencyMaxMs, double throttleRate, int retryAfterSeconds,
                           double unavailableRate, double gatewayTimeoutRate, int maxConcurrentPerTenant, long slowResponseMs,
                           double connectionResetRate, double ambiguousWriteRate, boolean noConsent, boolean noExchangeRole,
                           double graphThrottleRate) {

    /** Exchange Online allows about three concurrent sessions per tenant. */
    public static final int EXCHANGE_CONCURRENCY_LIMIT = 3;

    /** No faults beyond Exchange's own concurrency limit. */
    public static final FaultProfile NONE = new FaultProfile(0, 0, 0, 1, 0, 0, EXCHANGE_CONCURRENCY_LIMIT, 0, 0, 0, false, false, 0);

    private static final Set<String> FIELDS = Set.of("latencyMinMs", "latencyMaxMs", "throttleRate", "retryAfterSeconds",
            "unavailableRate", "gatewayTimeoutRate", "maxConcurrentPerTenant", "slowResponseMs", "connectionResetRate",
            "ambiguousWriteRate", "noConsent", "noExchangeRole", "graphThrottleRate");

    public FaultProfile {
        if (latencyMinMs < 0 || latencyMaxMs < latencyMinMs) {
            throw new IllegalArgumentException("latency needs 0 <= latencyMinMs <= latencyMaxMs: " + latencyMinMs + ", " + latencyMaxMs);
        }
        requireRate("throttleRate", throttleRate);
        requireRate("unavailableRate", unavailableRate);
        requireRate("gatewayTimeoutRate", gatewayTimeoutRate);
        requireRate("connectionResetRate", connectionResetRate);
        requireRate("ambiguousWriteRate", ambiguousWriteRate);
        requireRate("graphThrottleRate", graphThrottleRate);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1: " + retryAfterSeconds);
        }
        if (maxConcurrentPerTenant < 1) {
            throw new IllegalArgumentException("maxConcurrentPerTenant must be at least 1: " + maxConcurrentPerTenant);
        }
        if (slowResponseMs < 0) {
            throw new IllegalArgumentException("slowResponseMs must not be negative: " + slowResponseMs);
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
        }
    }

    /**
     * Reads the JSON shape the admin endpoints and {@code --faults} files use: the component names, every one optional
     * (missing ones keep {@link #NONE}'s value), unknown names refused so that a typo cannot silently disable a fault.
     */
    public static FaultProfile fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a fault profile must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown fault profile field '" + name + "'; known fields: " + FIELDS);
            }
        }
        FaultProfile d = NONE;
        return new FaultProfile(
                json.path("latencyMinMs").asLong(d.latencyMinMs),
                json.path("latencyMaxMs").asLong(json.path("latencyMinMs").asLong(d.latencyMaxMs)),
                json.path("throttleRate").asDouble(d.throttleRate),
                json.path("retryAfterSeconds").asInt(d.retryAfterSeconds),
                json.path("unavailableRate").asDouble(d.unavailableRate),
                json.path("gatewayTimeoutRate").asDouble(d.gatewayTimeoutRate),
                json.path("maxConcurrentPerTenant").asInt(d.maxConcurrentPerTenant),
                json.path("slowResponseMs").asLong(d.slowResponseMs),
                json.path("connectionResetRate").asDouble(d.connectionResetRate),
                json.path("ambiguousWriteRate").asDouble(d.ambiguousWriteRate),
                json.path("noConsent").asBoolean(d.noConsent),
                json.path("noExchangeRole").asBoolean(d.noExchangeRole),
                json.path("graphThrottleRate").asDouble(d.graphThrottleRate));
    }

    public FaultProfile withLatency(long fixedMs) {
        return withLatency(fixedMs, fixedMs);
    }

    public FaultProfile withLatency(long minMs, long maxMs) {
        return new FaultProfile(minMs, maxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withThrottling(double rate, int retryAfter) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, rate, retryAfter, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withUnavailableRate(double rate) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, rate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withGatewayTimeoutRate(double rate) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, rate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withMaxConcurrentPerTenant(int limit) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                limit, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withSlowResponse(long ms) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, ms, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withConnectionResetRate(double rate) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, rate, ambiguousWriteRate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withAmbiguousWriteRate(double rate) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, rate, noConsent, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withNoConsent(boolean refused) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, refused, noExchangeRole, graphThrottleRate);
    }

    public FaultProfile withNoExchangeRole(boolean missing) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfterSeconds, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, missing, graphThrottleRate);
    }

    public FaultProfile withGraphThrottling(double rate, int retryAfter) {
        return new FaultProfile(latencyMinMs, latencyMaxMs, throttleRate, retryAfter, unavailableRate, gatewayTimeoutRate,
                maxConcurrentPerTenant, slowResponseMs, connectionResetRate, ambiguousWriteRate, noConsent, noExchangeRole, rate);
    }
}
