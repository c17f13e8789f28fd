package com.trustifi.onboarding.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code benchmarks/bulk --sweep-rate N}: the fleet watch reading every onboarded tenant once, measured from the
 * partner's "check now" until the last tenant's check is applied: how long, how many Exchange calls and writes per
 * tenant (nothing drifted, so there must be no write), and the states found.
 */
final class FleetSweep {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(60);
    private static final Duration POLL = Duration.ofSeconds(2);

    private FleetSweep() {
    }

    /** Answers whether every tenant was found IN_SYNC without a write. */
    static boolean measure(LocalStack stack, OnboardingApiClient api, List<SimulatedTenant> tenants, int checksPerMinute)
            throws Exception {
        long callsBefore = sum(tenants, CmdletCount::calls);
        Map<String, Long> byCmdletBefore = callsByCmdlet(tenants);
        long writesBefore = sum(tenants, CmdletCount::writes);
        long tokensBefore = tenants.stream().mapToLong(SimulatedTenant::tokenRequests).sum();
        CpuUse cpuBefore = CpuUse.of(stack);
        long started = System.nanoTime();
        Instant since = Instant.now();
        int due = api.checkConformanceNow();
        Map<String, Integer> states = awaitAllCheckedSince(api, since, tenants.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        String cpuUsed = CpuUse.of(stack).minus(cpuBefore).toString();
        long writes = sum(tenants, CmdletCount::writes) - writesBefore;
        double calls = (double) (sum(tenants, CmdletCount::calls) - callsBefore) / tenants.size();
        double tokens = (double) (tenants.stream().mapToLong(SimulatedTenant::tokenRequests).sum() - tokensBefore) / tenants.size();
        Map<String, Long> byCmdlet = new TreeMap<>();
        callsByCmdlet(tenants).forEach((cmdlet, made) -> {
            long during = made - byCmdletBefore.getOrDefault(cmdlet, 0L);
            if (during > 0) {
                byCmdlet.put(cmdlet, during);
            }
        });
        say("CPU seconds during the sweep: " + cpuUsed);
        say("Exchange calls during the sweep, by cmdlet: " + byCmdlet);
        say(String.format(Locale.ROOT, "sweep: tenants=%d due=%d checks_per_minute=%d sweep_s=%.1f exchange_calls_per_tenant=%.2f "
                + "token_requests_per_tenant=%.2f writes=%d states=%s", tenants.size(), due, checksPerMinute, seconds, calls, tokens,
                writes, states));
        return writes == 0 && states.getOrDefault("IN_SYNC", 0) == tenants.size();
    }

    private static Map<String, Integer> awaitAllCheckedSince(OnboardingApiClient api, Instant since, int count) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            Map<String, Integer> states = new TreeMap<>();
            int checked = 0;
            String cursor = null;
            do {
                JsonNode page = api.conformance(cursor);
                for (JsonNode tenant : page.path("items")) {
                    if (tenant.path("checkedAt").isTextual() && Instant.parse(tenant.path("checkedAt").asText()).isAfter(since)) {
                        checked++;
                        states.merge(tenant.path("state").asText(), 1, Integer::sum);
                    }
                }
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
            if (checked >= count) {
                return states;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + checked + " of " + count + " tenants were checked within " + GIVE_UP_AFTER);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static Map<String, Long> callsByCmdlet(List<SimulatedTenant> tenants) {
        Map<String, Long> calls = new TreeMap<>();
        tenants.forEach(tenant -> tenant.cmdletCounts().forEach((cmdlet, count) -> calls.merge(cmdlet, count.calls(), Long::sum)));
        return calls;
    }

    private static long sum(List<SimulatedTenant> tenants, java.util.function.ToLongFunction<CmdletCount> count) {
        return tenants.stream().flatMap(tenant -> tenant.cmdletCounts().values().stream()).mapToLong(count).sum();
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
