package com.trustifi.onboarding.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Records who did what; joins the caller's transaction so that the entry exists exactly when the change does. */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID partnerId, String action, String resourceType, Object resourceId) {
        var entry = new AuditEntry();
        entry.partnerId = partnerId;
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = String.valueOf(resourceId);
        entry.occurredAt = clock.instant();
        entry.persist();
    }
}
