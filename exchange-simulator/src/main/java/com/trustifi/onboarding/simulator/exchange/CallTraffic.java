package com.trustifi.onboarding.simulator.exchange;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls one tenant received: how many are in flight now and at most ever, per-cmdlet counters, the recent
 * call log and token requests. Thread-safe, and separate from the tenant's object lock so that counting a call never
 * waits for another call's cmdlet.
 */
public final class CallTraffic {

    /** Enough history to check a retry sequence, bounded so 10,000 busy tenants stay small. */
    private static final int LOG_SIZE = 1000;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final CmdletCounters counters = new CmdletCounters();
    private final Deque<CallRecord> log = new ArrayDeque<>();

    /** Counts a request as in flight until {@link #leave()}; returns how many are in flight including it. */
    public int enter() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return now;
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void recordTokenRequest() {
        tokenRequests.incrementAndGet();
    }

    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Records a finished call in the counters and the log. */
    public synchronized void record(CallRecord call) {
        counters.recordCall(call.cmdlet());
        if (call.fault() != null) {
            counters.recordFault(call.cmdlet());
        }
        if (log.size() == LOG_SIZE) {
            log.removeFirst();
        }
        log.addLast(call);
    }

    public synchronized Map<String, CmdletCount> counts() {
        return counters.snapshot();
    }

    /** The last calls, oldest first. */
    public synchronized List<CallRecord> log() {
        return List.copyOf(log);
    }
}
