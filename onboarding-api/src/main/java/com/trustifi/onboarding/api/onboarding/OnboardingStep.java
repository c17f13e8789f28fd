package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.database.UuidArray;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Which step of which onboarding. */
    public record Key(UUID onboardingId, ProvisioningStep step) {
    }

    /**
     * The steps these events are about, read in one statement for a whole poll of events; the onboardings' other steps
     * are not loaded (a poll holds one or two events of each onboarding in flight, which has up to 20 steps).
     */
    @SuppressWarnings("unchecked")
    public static Map<Key, OnboardingStep> namedBy(Collection<StatusEvent> events) {
        Map<Key, OnboardingStep> named = new HashMap<>();
        List<Key> wanted = events.stream().filter(event -> !event.isAboutOnboarding())
                .map(event -> new Key(event.onboardingId(), event.step())).distinct().toList();
        if (wanted.isEmpty()) {
            return named;
        }
        ((List<OnboardingStep>) getEntityManager()
                .createNativeQuery("select s.* from onboarding_step s join unnest(cast(:ids as uuid[]), cast(:steps as text[])) "
                        + "as wanted(onboarding_id, step) using (onboarding_id, step)", OnboardingStep.class)
                .setParameter("ids", UuidArray.of(wanted.stream().map(Key::onboardingId).toList()))
                // enum constants: nothing in a name needs quoting in an array literal
                .setParameter("steps", wanted.stream().map(key -> key.step().name()).collect(Collectors.joining(",", "{", "}")))
                .getResultList())
                .forEach(step -> named.put(new Key(step.onboarding.id, step.step), step));
        return named;
    }

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
