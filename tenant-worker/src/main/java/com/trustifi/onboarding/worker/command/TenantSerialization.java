package com.trustifi.onboarding.worker.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs one tenant's plans one after another. Two plans for one tenant at once (a command published
 * twice, a redelivery beside a newer command) would both find an object absent and both create it.
 * A tenant's commands share a partition, so no other worker instance runs them meanwhile.
 */
@Singleton
public class TenantSerialization {

    /** Weak values: a tenant's lock lives exactly as long as a plan holds or waits for it. */
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();

    public <T> T oneAtATime(String tenantId, Supplier<T> plan) {
        ReentrantLock lock = locks.get(tenantId.toLowerCase(Locale.ROOT), key -> new ReentrantLock(true));
        lock.lock();
        try {
            return plan.get();
        } finally {
            lock.unlock();
        }
    }
}
