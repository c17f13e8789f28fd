package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.config.FleetWatchConfig;
import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingInProgressException;
import com.trustifi.onboarding.api.onboarding.OnboardingService;
import com.trustifi.onboarding.api.onboarding.OnboardingStateException;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.webhook.Webhooks;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Keeps each onboarded tenant's conformance: a tenant is watched from its first SUCCEEDED onboarding until it is
 * offboarded; the first check after each SUCCEEDED onboarding confirms it in effect (ACTIVE) once the rule has had
 * time to propagate; each check sets what it found, tells the partner of a drift once per change, and on the REPAIR
 * policy onboards the tenant again.
 */
@ApplicationScoped
public class ConformanceService {

    private static final Logger LOG = Logger.getLogger(ConformanceService.class);
    private static final int HISTORY = 20;

    private final Clock clock;
    private final FleetWatchConfig config;
    private final OnboardingService onboardings;
    private final Webhooks webhooks;
    private final AuditLog audit;

    ConformanceService(Clock clock, FleetWatchConfig config, OnboardingService onboardings, Webhooks webhooks, AuditLog audit) {
        this.clock = clock;
        this.config = config;
        this.onboardings = onboardings;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    /** An onboarding reached a final status; runs in the transaction that applied its final event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(Onboarding onboarding, StatusEvent event) {
        if (onboarding.partnerId == null) {
            return;
        }
        if (onboarding.watch) {
            checkFinished(onboarding, event);
        } else if (onboarding.status == OnboardingStatus.SUCCEEDED && onboarding.kind == CommandKind.ONBOARD) {
            watchFrom(onboarding);
        } else if (onboarding.status == OnboardingStatus.SUCCEEDED && onboarding.kind == CommandKind.OFFBOARD) {
            TenantConformance.lockedForUpdate(onboarding.tenantId).filter(found -> found.partnerId.equals(onboarding.partnerId))
                    .ifPresent(this::unwatch);
        }
    }

    private void unwatch(TenantConformance conformance) {
        supersedeActivation(conformance, "The tenant was offboarded before its configuration was confirmed in effect");
        conformance.delete();
    }

    /**
     * A SUCCEEDED onboarding ends with its own read-back of every object: the tenant is in sync now. Its first check
     * comes once the rule has had time to propagate, and confirms it in effect (ACTIVE).
     */
    private void watchFrom(Onboarding onboarding) {
        Instant now = clock.instant();
        TenantConformance conformance = TenantConformance.lockedForUpdate(onboarding.tenantId).orElse(null);
        boolean watched = conformance != null && conformance.partnerId.equals(onboarding.partnerId);
        if (conformance != null) {
            supersedeActivation(conformance, "A later onboarding of the tenant came before this one was confirmed in effect");
        }
        if (!watched) {
            if (conformance != null) {
                // the tenant moved to this partner: the other's watch of it ends here
                conformance.delete();
                TenantConformance.flush();
            }
            conformance = new TenantConformance();
            conformance.tenantId = onboarding.tenantId;
            conformance.partnerId = onboarding.partnerId;
        }
        conformance.onboardingId = onboarding.id;
        conformance.checkedAt = now;
        // a check still running read the configuration before this onboarding: its result is not this one's
        conformance.lastCheckId = null;
        conformance.activationAttempts = 0;
        conformance.activationDueAt = now.plus(config.activationWait());
        conformance.nextCheckAt = conformance.activationDueAt;
        onboarding.activation(Activation.PENDING, "Saved and read back; Exchange Online can take 30 minutes or more to put the rule "
                + "in effect, and the fleet watch confirms it after " + config.activationWait(), now);
        change(conformance, ConformanceState.IN_SYNC, List.of(), null, null, now);
        if (!watched) {
            conformance.persist();
        }
    }

    /** The onboarding's row is locked before it changes: a late step event may be changing it too. */
    private void supersedeActivation(TenantConformance conformance, String why) {
        if (conformance.activationAttempts != null) {
            Onboarding.lockedForUpdate(conformance.onboardingId)
                    .ifPresent(earlier -> earlier.activation(Activation.SUPERSEDED, why, clock.instant()));
            conformance.activationAttempts = null;
            conformance.activationDueAt = null;
        }
    }

    /** The onboarding is confirmed in effect, or given up on: from now on the tenant's checks are routine ones. */
    private void activationEnded(TenantConformance conformance, Activation state, String why, Instant now) {
        Onboarding.lockedForUpdate(conformance.onboardingId).ifPresent(onboarding -> {
            onboarding.activation(state, why, now);
            webhooks.activation(onboarding, now);
        });
        conformance.activationAttempts = null;
        conformance.activationDueAt = null;
        // the next check falls anywhere in one interval's width around the interval (from half of it to one and a half),
        // so that a batch's tenants are not all checked in the same minute ever after, nor one again a minute later
        long interval = intervalOf(conformance.partnerId).toMillis();
        conformance.nextCheckAt = now.plusMillis(interval / 2 + ThreadLocalRandom.current().nextLong(interval));
    }

    /**
     * A confirming check ended without confirming: tried again after the propagation wait, until the attempts run out.
     * A check made before the wait was over (the partner asked for it) uses up no attempt.
     */
    private void activationMissed(TenantConformance conformance, String why, Instant now) {
        if (conformance.activationDueAt != null && now.isBefore(conformance.activationDueAt)) {
            conformance.nextCheckAt = conformance.activationDueAt;
            return;
        }
        conformance.activationAttempts++;
        if (conformance.activationAttempts >= config.activationAttempts()) {
            activationEnded(conformance, Activation.NOT_PROPAGATED, "Not confirmed after " + conformance.activationAttempts
                    + " checks " + config.activationWait() + " apart: " + why, now);
        } else {
            conformance.nextCheckAt = now.plus(config.activationWait());
        }
    }

    private void checkFinished(Onboarding check, StatusEvent event) {
        Optional<TenantConformance> watched = TenantConformance.lockedForUpdate(check.tenantId)
                .filter(conformance -> conformance.partnerId.equals(check.partnerId) && check.id.equals(conformance.lastCheckId));
        if (watched.isEmpty() || check.status == OnboardingStatus.CANCELED) {
            return;
        }
        TenantConformance conformance = watched.get();
        Instant now = clock.instant();
        conformance.checkedAt = now;
        boolean confirming = conformance.activationAttempts != null;
        if (check.status == OnboardingStatus.SUCCEEDED) {
            change(conformance, ConformanceState.IN_SYNC, List.of(), null, null, now);
            if (confirming) {
                activationEnded(conformance, Activation.ACTIVE, check.testRecipient != null
                        ? "Exchange sent the connector's test email to " + check.testRecipient + " through the relay: the rule is in effect"
                        : "The relay's objects are in place " + sinceOnboarding(conformance, now) + " after onboarding; no test "
                                + "recipient was given, so mail through the connector was not tried", now);
            }
            return;
        }
        List<PropertyDrift> drift = event.drift() == null ? List.of() : event.drift();
        if (drift.isEmpty() && check.reported(ProvisioningStep.VALIDATE_OUTBOUND_CONNECTOR, StepOutcome.NOT_PROPAGATED)) {
            // every object is as it should be: only Exchange has not applied the rule yet
            change(conformance, ConformanceState.IN_SYNC, List.of(), null, null, now);
            if (confirming) {
                activationMissed(conformance, event.detail(), now);
            }
            return;
        }
        if (drift.isEmpty()) {
            change(conformance, ConformanceState.UNREACHABLE, List.of(), event.detail(), event.remediation(), now);
            if (confirming) {
                activationMissed(conformance, event.detail(), now);
            }
            return;
        }
        if (confirming) {
            activationEnded(conformance, Activation.NOT_PROPAGATED, "The tenant's objects changed before the configuration was "
                    + "confirmed in effect: " + event.detail(), now);
        }
        List<DriftedProperty> before = conformance.state == ConformanceState.DRIFTED ? conformance.drift() : List.of();
        List<DriftedProperty> found = DriftedProperty.found(drift, before, now);
        // a property found before keeps its first sighting, so the sets are equal exactly when nothing changed
        boolean news = !Set.copyOf(found).equals(Set.copyOf(before));
        change(conformance, ConformanceState.DRIFTED, found, null, null, now);
        if (news) {
            webhooks.tenantDrifted(check, event, drift);
        }
        if (policyOf(conformance) == DriftPolicy.REPAIR) {
            repair(conformance, check);
        }
    }

    private void repair(TenantConformance conformance, Onboarding check) {
        try {
            Onboarding repair = onboardings.repair(conformance.partnerId, conformance.onboardingId, check.id);
            LOG.infof("Tenant %s drifted; repair %s started", conformance.tenantId, repair.id);
        } catch (RuntimeException e) {
            conformance.reason = "Not repaired yet: " + refusal(conformance, e);
            conformance.remediation = "The next check tries again; onboard the tenant to repair it sooner";
        }
    }

    /**
     * Why a check or a repair could not start, as the partner may read it: the refusals onboarding gives say so in
     * their own words; anything else is the service's fault, logged and not shown.
     */
    private static String refusal(TenantConformance conformance, RuntimeException e) {
        if (e instanceof UnacceptableRequestException unacceptable) {
            return "the relay account " + unacceptable.reason();
        }
        if (e instanceof OnboardingStateException || e instanceof OnboardingInProgressException) {
            return e.getMessage();
        }
        LOG.errorf(e, "The fleet watch could not act on tenant %s", conformance.tenantId);
        return "the service could not start it; its operator can find why in the log";
    }

    /** How long after the onboarding succeeded, in words. */
    private String sinceOnboarding(TenantConformance conformance, Instant now) {
        Instant succeeded = conformance.activationDueAt == null ? now.minus(config.activationWait())
                : conformance.activationDueAt.minus(config.activationWait());
        Duration since = Duration.between(succeeded, now);
        return since.toMinutes() >= 2 ? since.toMinutes() + " minutes" : Math.max(0, since.toSeconds()) + " seconds";
    }

    private static void change(TenantConformance conformance, ConformanceState state, List<DriftedProperty> drift,
            String reason, String remediation, Instant now) {
        if (conformance.state != state || !conformance.drift().equals(drift)) {
            conformance.changedAt = now;
        }
        conformance.state = state;
        conformance.drift(drift);
        conformance.reason = reason;
        conformance.remediation = remediation;
    }

    /** Starts the checks due as of {@code now}, at most {@code limit}; answers how many it started. */
    @Transactional(Transactional.TxType.MANDATORY)
    int startDue(Instant now, int limit) {
        int started = 0;
        for (TenantConformance conformance : TenantConformance.dueAsOf(now, limit)) {
            boolean confirming = conformance.activationAttempts != null;
            try {
                Optional<Onboarding> check = onboardings.watch(conformance.partnerId, conformance.onboardingId, confirming);
                if (check.isEmpty()) {
                    conformance.nextCheckAt = now.plus(config.busyRetry());
                    continue;
                }
                conformance.lastCheckId = check.get().id;
                // a confirming check that never ends (canceled by the partner's own onboarding) is made again after the
                // propagation wait, not a whole interval later
                conformance.nextCheckAt = now.plus(confirming ? config.activationWait() : intervalOf(conformance.partnerId));
                started++;
            } catch (RuntimeException e) {
                String refused = refusal(conformance, e);
                conformance.checkedAt = now;
                conformance.nextCheckAt = now.plus(intervalOf(conformance.partnerId));
                change(conformance, ConformanceState.UNREACHABLE, List.of(), refused, null, now);
                if (confirming) {
                    activationMissed(conformance, refused, now);
                }
            }
        }
        return started;
    }

    @Transactional
    public Optional<TenantConformanceView> find(UUID partnerId, String tenantId) {
        return TenantConformance.ofPartner(partnerId, tenantId).map(conformance -> TenantConformanceView.of(conformance,
                policyOf(conformance), Onboarding.<Onboarding>find("partnerId = ?1 and tenantId = ?2 and watch = true order by createdAt desc",
                        partnerId, tenantId).page(0, HISTORY).list()));
    }

    /** One page of the partner's watched tenants in the state, by tenant id. */
    @Transactional
    public List<TenantConformanceView> list(UUID partnerId, Optional<ConformanceState> state, Optional<String> after, int limit) {
        StringBuilder where = new StringBuilder("partnerId = :partner");
        var parameters = Parameters.with("partner", partnerId);
        state.ifPresent(wanted -> {
            where.append(" and state = :state");
            parameters.and("state", wanted);
        });
        after.ifPresent(tenant -> {
            where.append(" and tenantId > :after");
            parameters.and("after", tenant);
        });
        DriftPolicy partnerPolicy = partnerPolicy(partnerId);
        return TenantConformance.<TenantConformance>find(where + " order by tenantId", parameters).page(0, limit).list().stream()
                .map(conformance -> TenantConformanceView.of(conformance,
                        conformance.policy != null ? conformance.policy : partnerPolicy, List.of())).toList();
    }

    @Transactional
    public ConformanceSettingsView settings(UUID partnerId) {
        return ConformanceSettingsView.of(intervalOf(partnerId), partnerPolicy(partnerId));
    }

    @Transactional
    public ConformanceSettingsView set(UUID partnerId, Duration interval, DriftPolicy policy) {
        if (interval.compareTo(config.minInterval()) < 0 || interval.compareTo(config.maxInterval()) > 0) {
            throw new UnacceptableRequestException("checkInterval",
                    "must be from " + config.minInterval() + " to " + config.maxInterval() + " (ISO 8601, e.g. PT6H)");
        }
        Duration before = intervalOf(partnerId);
        ConformanceSettings settings = ConformanceSettings.<ConformanceSettings>findByIdOptional(partnerId).orElseGet(() -> {
            var created = new ConformanceSettings();
            created.partnerId = partnerId;
            return created;
        });
        settings.checkIntervalSeconds = interval.toSeconds();
        settings.policy = policy;
        settings.updatedAt = clock.instant();
        settings.persist();
        if (interval.compareTo(before) < 0) {
            // a shorter interval applies now, not after the longer one has run out
            TenantConformance.update("nextCheckAt = ?1 where partnerId = ?2 and nextCheckAt > ?1", clock.instant().plus(interval), partnerId);
        }
        audit.record(partnerId, "conformance.settings", "partner", partnerId);
        return ConformanceSettingsView.of(interval, policy);
    }

    /** Sets or clears (null) the tenant's own policy; empty when the partner does not watch the tenant. */
    @Transactional
    public Optional<TenantConformanceView> setPolicy(UUID partnerId, String tenantId, DriftPolicy policy) {
        return TenantConformance.ofPartner(partnerId, tenantId).map(conformance -> {
            conformance.policy = policy;
            audit.record(partnerId, "conformance.policy", "tenant", tenantId);
            return TenantConformanceView.of(conformance, policyOf(conformance), List.of());
        });
    }

    /**
     * Makes the partner's watched tenants (or the one named) due now: they are checked over the next ticks, within the
     * fleet's budget, as any due tenant. Answers how many.
     */
    @Transactional
    public int checkNow(UUID partnerId, Optional<String> tenantId) {
        Instant now = clock.instant();
        int due = tenantId.isPresent()
                ? TenantConformance.update("nextCheckAt = ?1 where partnerId = ?2 and tenantId = ?3 and nextCheckAt > ?1", now, partnerId, tenantId.get())
                : TenantConformance.update("nextCheckAt = ?1 where partnerId = ?2 and nextCheckAt > ?1", now, partnerId);
        audit.record(partnerId, "conformance.check-now", "partner", tenantId.orElse(partnerId.toString()));
        return due;
    }

    /** How many tenants are in each state, over the whole fleet. */
    @Transactional
    public Map<ConformanceState, Long> countsByState() {
        Map<ConformanceState, Long> counts = new EnumMap<>(ConformanceState.class);
        for (ConformanceState state : ConformanceState.values()) {
            counts.put(state, 0L);
        }
        TenantConformance.getEntityManager()
                .createQuery("select c.state, count(c) from TenantConformance c group by c.state", Object[].class)
                .getResultList().forEach(row -> counts.put((ConformanceState) row[0], (Long) row[1]));
        return counts;
    }

    private DriftPolicy policyOf(TenantConformance conformance) {
        return conformance.policy != null ? conformance.policy : partnerPolicy(conformance.partnerId);
    }

    private DriftPolicy partnerPolicy(UUID partnerId) {
        return ConformanceSettings.<ConformanceSettings>findByIdOptional(partnerId).map(settings -> settings.policy).orElse(DriftPolicy.ALERT);
    }

    private Duration intervalOf(UUID partnerId) {
        return ConformanceSettings.<ConformanceSettings>findByIdOptional(partnerId).map(settings -> Duration.ofSeconds(settings.checkIntervalSeconds))
                .orElse(config.defaultInterval());
    }
}
