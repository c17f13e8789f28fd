package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One request to connect one tenant to the relay, and what has happened to it so far. */
@Entity
@Table(name = "onboarding")
public class Onboarding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "relay_domains", nullable = false)
    public List<String> relayDomains;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OnboardingStatus status;

    public String detail;

    public String remediation;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "onboarding", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequence")
    public List<OnboardingStep> steps = new ArrayList<>();

    public static Onboarding accept(String tenantId, List<String> relayDomains, Instant now) {
        var onboarding = new Onboarding();
        onboarding.id = UUID.randomUUID();
        onboarding.tenantId = tenantId;
        onboarding.relayDomains = List.copyOf(relayDomains);
        onboarding.status = OnboardingStatus.ACCEPTED;
        onboarding.createdAt = now;
        onboarding.updatedAt = now;
        return onboarding;
    }

    public static Optional<Onboarding> activeFor(String tenantId) {
        return find("tenantId = ?1 and status in ?2", tenantId,
                List.of(OnboardingStatus.ACCEPTED, OnboardingStatus.RUNNING)).firstResultOptional();
    }

    /**
     * Applies a status event. A step keeps the newest event about it, so an event that arrives
     * late still fills in its own step; the onboarding as a whole only moves forward, so a late
     * or replayed event never takes back a newer status.
     */
    public void apply(StatusEvent event) {
        if (!event.isFinal()) {
            applyToStep(event);
        }
        if (event.sequence() <= lastSequence) {
            return;
        }
        lastSequence = event.sequence();
        updatedAt = event.occurredAt();
        if (event.isFinal()) {
            status = event.outcome() == StepOutcome.SUCCEEDED ? OnboardingStatus.SUCCEEDED : OnboardingStatus.FAILED;
            detail = event.detail();
            remediation = event.remediation();
        } else {
            status = OnboardingStatus.RUNNING;
        }
    }

    private void applyToStep(StatusEvent event) {
        OnboardingStep step = step(event.step()).orElseGet(() -> {
            var created = OnboardingStep.of(this, event.step());
            steps.add(created);
            return created;
        });
        step.apply(event);
    }

    private Optional<OnboardingStep> step(ProvisioningStep name) {
        return steps.stream().filter(step -> step.step == name).findFirst();
    }
}
