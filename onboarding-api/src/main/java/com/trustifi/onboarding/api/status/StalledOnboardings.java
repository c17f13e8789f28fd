package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.webhook.Webhooks;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/**
 * Ends an onboarding the worker will not finish, as FAILED and retryable, so that its tenant is
 * free again. It goes the way of a worker's final event (same status rules, same webhook), so a
 * partner cannot tell the two apart but by the reason.
 */
@ApplicationScoped
public class StalledOnboardings {

    private final Clock clock;
    private final Webhooks webhooks;

    StalledOnboardings(Clock clock, Webhooks webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** Fails the onboarding if it is still in progress (ends its cancel, if CANCELING), locking it in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fail(UUID onboardingId, String reason, String remediation) {
        Onboarding.lockedForUpdate(onboardingId).filter(onboarding -> !onboarding.status.isTerminal()).ifPresent(onboarding -> {
            Instant now = clock.instant();
            if (onboarding.status == OnboardingStatus.CANCELING) {
                onboarding.endCancel(reason, now);
                return;
            }
            var event = new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID(), onboarding.id, onboarding.tenantId,
                    Math.max(onboarding.lastSequence + 1, now.toEpochMilli() * 10_000), ProvisioningStep.ONBOARDING,
                    StepOutcome.FAILED, reason, remediation, 1, null, true, now);
            OnboardingStatus before = onboarding.status;
            // about the onboarding itself: no step of it to load
            onboarding.apply(event, new HashMap<>());
            webhooks.statusApplied(onboarding, before, event);
        });
    }
}
