package com.trustifi.onboarding.simulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault profiles in force (one global, optional per-tenant overrides) and the seeded dice that decide each
 * random fault. One instance per simulator, so a seed reproduces the same sequence of decisions for the same
 * sequence of calls.
 */
public final class FaultPlan {

    private volatile FaultProfile global = FaultProfile.NONE;
    private final Map<String, FaultProfile> byTenant = new ConcurrentHashMap<>();
    /** java.util.Random is thread-safe; its contention is negligible next to an HTTPS round trip. */
    private final Random dice;

    public FaultPlan(long seed) {
        this.dice = new Random(seed);
    }

    public FaultProfile global() {
        return global;
    }

    public void global(FaultProfile profile) {
        this.global = profile;
    }

    public Optional<FaultProfile> ofTenant(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    public void tenant(String tenantId, FaultProfile profile) {
        byTenant.put(tenantId, profile);
    }

    public void clearTenant(String tenantId) {
        byTenant.remove(tenantId);
    }

    /** The tenant's own profile, else the global one. */
    public FaultProfile effectiveFor(String tenantId) {
        FaultProfile own = byTenant.get(tenantId);
        return own == null ? global : own;
    }

    /** True with probability {@code rate}; a zero rate consumes no randomness, so enabling one fault does not reshuffle others. */
    public boolean roll(double rate) {
        return rate > 0 && dice.nextDouble() < rate;
    }

    public long between(long min, long max) {
        return min == max ? min : min + (long) (dice.nextDouble() * (max - min + 1));
    }
}
