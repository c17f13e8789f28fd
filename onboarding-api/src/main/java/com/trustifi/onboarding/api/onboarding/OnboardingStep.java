package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest known outcome of one provisioning step of one onboarding. */
@Entity
@Table(name = "onboarding_step")
public class OnboardingStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "onboarding_id")
    public Onboarding onboarding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProvisioningStep step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepOutcome outcome;

    public String detail;

    public String remediation;

    /** 1 for the first try, higher while the worker retries the step. */
    @Column(nullable = false)
    public int attempt;

    /** With RETRYING: when the worker tries the step again. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static OnboardingStep of(Onboarding onboarding, ProvisioningStep name) {
        var step = new OnboardingStep();
        step.id = UUID.randomUUID();
        step.onboarding = onboarding;
        step.step = name;
        return step;
    }

    /** @return whether the event was newer than what the step held, and so applied */
    boolean apply(StatusEvent event) {
        if (outcome != null && event.sequence() <= sequence) {
            return false;
        }
        outcome = event.outcome();
        detail = event.detail();
        remediation = event.remediation();
        attempt = Math.max(1, event.attempt());
        nextAttemptAt = event.outcome() == StepOutcome.RETRYING ? event.nextAttemptAt() : null;
        sequence = event.sequence();
        updatedAt = event.occurredAt();
        return true;
    }
}
