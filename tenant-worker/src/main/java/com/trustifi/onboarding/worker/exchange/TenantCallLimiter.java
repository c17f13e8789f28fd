package com.trustifi.onboarding.worker.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps the Exchange calls in flight for one tenant (Exchange allows about 3 sessions per tenant),
 * whatever the number of commands running for it. Other tenants are never held up by it.
 */
@Singleton
public class TenantCallLimiter {

    private final int permits;
    /** Weak values: a tenant's semaphore lives exactly as long as a call holds it. */
    private final Cache<String, Semaphore> semaphores = Caffeine.newBuilder().weakValues().build();

    TenantCallLimiter(WorkerConfig config) {
        this.permits = config.exchange().maxConcurrentCallsPerTenant();
    }

    public <T> T call(String tenantId, Supplier<T> call) {
        Semaphore semaphore = semaphores.get(tenantId.toLowerCase(java.util.Locale.ROOT), key -> new Semaphore(permits, true));
        semaphore.acquireUninterruptibly();
        try {
            return call.get();
        } finally {
            semaphore.release();
        }
    }
}
