package com.trustifi.onboarding.api.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.trustifi.onboarding.api.database.UuidArray;
import com.trustifi.onboarding.api.onboarding.order.OnboardingOrder;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.DnsRecordCheck;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One request to connect one tenant to the relay, and what has happened to it so far. */
@Entity
@Table(name = "onboarding")
public class Onboarding extends PanacheEntityBase {

    private static final int TENANTS_PER_QUERY = 1000;

    @Id
    public UUID id;

    /** The partner that asked for it; no other partner can see it. */
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "relay_domains", nullable = false)
    public List<String> relayDomains;

    /** What the worker was asked to do. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommandKind kind;

    /** The onboarding an action (retry, verify, plan, offboard, rotate-secret) was taken on; null for a new one. */
    @Column(name = "origin_id")
    public UUID originId;

    @Column(name = "relay_account_id")
    public UUID relayAccountId;

    /** A check of the fleet watch: not the partner's own, so it neither keeps the tenant busy nor shows in its list. */
    @Column(nullable = false)
    public boolean watch;

    /** The batch this onboarding was submitted in; null for one submitted on its own or made by an action. */
    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "limited_scope_group")
    public String limitedScopeGroup;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "limited_scope_senders")
    public List<String> limitedScopeSenders;

    @Column(name = "test_recipient")
    public String testRecipient;

    /** The profile the partner named; null leaves it to the tenant's creation date. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_profile")
    public RelayProfileName requestedProfile;

    /** The profile the worker's tenant check chose. */
    @Enumerated(EnumType.STRING)
    @Column(name = "applied_profile")
    public RelayProfileName appliedProfile;

    /** The domain-verification records and whether DNS had them, as JSON: shown, never queried; read {@link #dnsRecords()}. */
    @Column(name = "dns_records")
    public String dnsRecords;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OnboardingStatus status;

    public String detail;

    public String remediation;

    /** With a SUCCEEDED ONBOARD: whether its configuration is confirmed in effect; null for any other onboarding. */
    @Enumerated(EnumType.STRING)
    public Activation activation;

    @Column(name = "activation_detail")
    public String activationDetail;

    /** With FAILED: whether running the onboarding again may help. */
    @Column(nullable = false)
    public boolean retryable;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Loaded for up to a poll's onboardings at once, by one statement with an array of their ids. */
    @OneToMany(mappedBy = "onboarding", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequence")
    @BatchSize(size = 1000)
    public List<OnboardingStep> steps = new ArrayList<>();

    static Onboarding accept(UUID partnerId, OnboardingOrder order, Instant now) {
        var onboarding = new Onboarding();
        onboarding.id = UUID.randomUUID();
        onboarding.partnerId = partnerId;
        onboarding.kind = order.kind();
        onboarding.tenantId = order.tenantId();
        onboarding.relayAccountId = order.relayAccountId();
        onboarding.relayDomains = order.relayDomains();
        onboarding.limitedScopeGroup = order.limitedScope() == null ? null : order.limitedScope().group();
        onboarding.limitedScopeSenders = order.limitedScope() == null ? null : order.limitedScope().senderAddresses();
        onboarding.testRecipient = order.testRecipient();
        onboarding.requestedProfile = order.profile();
        onboarding.status = OnboardingStatus.ACCEPTED;
        onboarding.createdAt = now;
        onboarding.updatedAt = now;
        return onboarding;
    }

    /** The order this onboarding was made from, with another kind of command: what an action on it runs. */
    OnboardingOrder order(CommandKind kind) {
        return new OnboardingOrder(kind, tenantId, relayAccountId, relayDomains, limitedScope(), testRecipient, requestedProfile);
    }

    public RelayConfiguration.LimitedScope limitedScope() {
        return limitedScopeGroup == null && (limitedScopeSenders == null || limitedScopeSenders.isEmpty()) ? null
                : new RelayConfiguration.LimitedScope(limitedScopeGroup, limitedScopeSenders);
    }

    /**
     * The partner's onboarding with this id (another partner's is as absent as one that does not exist), with its
     * steps, read in one statement: read separately, a status event applied in between could show new steps beside
     * the old status.
     */
    public static Optional<Onboarding> ofPartner(UUID partnerId, UUID id) {
        return find("from Onboarding o left join fetch o.steps where o.id = ?1 and o.partnerId = ?2", id, partnerId)
                .singleResultOptional();
    }

    /**
     * The onboarding, locked until the transaction ends: a status event and a cancel applied at the
     * same moment would otherwise each write back the status they read, and one would be lost.
     */
    public static Optional<Onboarding> lockedForUpdate(UUID id) {
        return Onboarding.<Onboarding>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * These onboardings, locked until the transaction ends, in id order (two transactions locking overlapping sets
     * cannot deadlock); their steps come in one more statement when the first is read. Both statements take the ids
     * as one array ({@link UuidArray}).
     */
    @SuppressWarnings("unchecked")
    public static Map<UUID, Onboarding> lockedForUpdate(Collection<UUID> ids) {
        Map<UUID, Onboarding> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        ((List<Onboarding>) getEntityManager()
                .createNativeQuery("select * from onboarding where id = any(cast(:ids as uuid[])) order by id for update", Onboarding.class)
                .setParameter("ids", UuidArray.of(ids))
                .getResultList())
                .forEach(onboarding -> locked.put(onboarding.id, onboarding));
        return locked;
    }


    /** The tenant's onboarding in progress; a connection check, which only reads, does not count. */
    public static Optional<Onboarding> activeFor(String tenantId) {
        return find("tenantId = ?1 and status in ?2 and kind <> ?3 and watch = false", tenantId, OnboardingStatus.ACTIVE,
                CommandKind.CHECK_CONNECTION)
                .firstResultOptional();
    }

    /** The active onboardings of these tenants, in one query per thousand tenants rather than one per tenant. */
    static Map<String, Onboarding> activeFor(Collection<String> tenantIds) {
        List<String> all = List.copyOf(tenantIds);
        Map<String, Onboarding> active = new HashMap<>();
        for (int from = 0; from < all.size(); from += TENANTS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + TENANTS_PER_QUERY));
            Onboarding.<Onboarding>find("tenantId in ?1 and status in ?2 and kind <> ?3 and watch = false", chunk, OnboardingStatus.ACTIVE,
                            CommandKind.CHECK_CONNECTION)
                    .stream().forEach(onboarding -> active.put(onboarding.tenantId, onboarding));
        }
        return active;
    }

    /**
     * Applies a status event. A step keeps the newest event about it, so an event that arrives
     * late still fills in its own step; the onboarding as a whole only moves forward, so a late
     * or replayed event never takes back a newer status. A canceled onboarding takes no more
     * events: the partner has been told it stopped. The event's step is taken from {@code steps}
     * ({@link OnboardingStep#namedBy}), or added to it: the onboarding's other steps stay unloaded.
     */
    public void apply(StatusEvent event, Map<OnboardingStep.Key, OnboardingStep> steps) {
        if (status == OnboardingStatus.CANCELED) {
            return;
        }
        if (status == OnboardingStatus.CANCELING) {
            applyWhileCanceling(event, steps);
            return;
        }
        // a crash replay of a SUCCEEDED onboarding's command numbers its events after the success: it
        // must not take the onboarding back to RUNNING or finish it a second time; a late event of
        // the run that succeeded still fills in its step
        if (status == OnboardingStatus.SUCCEEDED && event.sequence() > lastSequence) {
            return;
        }
        if (!event.isAboutOnboarding()) {
            applyToStep(event, steps);
        }
        if (event.sequence() <= lastSequence) {
            return;
        }
        lastSequence = event.sequence();
        updatedAt = event.occurredAt();
        status = statusAfter(event);
        if (event.isFinal()) {
            detail = event.detail();
            remediation = event.remediation();
            retryable = event.outcome() == StepOutcome.FAILED && event.retryable();
        }
    }

    /** The latest connection check of each of these tenants by the partner; older checks are not loaded. */
    public static Map<String, Onboarding> latestChecks(UUID partnerId, Collection<String> tenantIds) {
        Map<String, Onboarding> latest = new HashMap<>();
        List<String> all = List.copyOf(tenantIds);
        for (int from = 0; from < all.size(); from += TENANTS_PER_QUERY) {
            Onboarding.<Onboarding>find("from Onboarding o where o.partnerId = ?1 and o.kind = ?2 and o.tenantId in ?3 "
                                    + "and o.createdAt = (select max(c.createdAt) from Onboarding c "
                                    + "where c.partnerId = o.partnerId and c.kind = o.kind and c.tenantId = o.tenantId)",
                            partnerId, CommandKind.CHECK_CONNECTION, all.subList(from, Math.min(all.size(), from + TENANTS_PER_QUERY)))
                    .stream().forEach(check -> latest.put(check.tenantId, check));
        }
        return latest;
    }

    /**
     * Cancels the onboarding, saying why. With {@code workerMayHaveIt} it is CANCELING until the
     * worker reports how the command ended; otherwise (the command never left the outbox) CANCELED.
     */
    public void cancel(String reason, Instant now, boolean workerMayHaveIt) {
        status = workerMayHaveIt ? OnboardingStatus.CANCELING : OnboardingStatus.CANCELED;
        detail = reason;
        updatedAt = now;
    }

    /** Ends a cancel the worker will not confirm (too late, or it gave the command up): its command is fenced, so it changes nothing more. */
    public void endCancel(String note, Instant now) {
        status = OnboardingStatus.CANCELED;
        detail = detail + ". " + note;
        updatedAt = now;
    }

    /**
     * While CANCELING, steps still fill in, and the worker's final word ends the cancel: CANCELED
     * when it stopped the command, or what it reached first (SUCCEEDED, FAILED) when the command
     * ended before the cancel reached it, so that the status says what Exchange holds.
     */
    private void applyWhileCanceling(StatusEvent event, Map<OnboardingStep.Key, OnboardingStep> steps) {
        if (!event.isAboutOnboarding()) {
            applyToStep(event, steps);
            return;
        }
        if (event.isFinal()) {
            lastSequence = Math.max(lastSequence, event.sequence());
            updatedAt = event.occurredAt();
            status = statusAfter(event);
            detail = event.outcome() == StepOutcome.CANCELED ? detail + ". " + event.detail()
                    : "The command ended before the cancel reached the worker: " + event.detail();
            remediation = event.remediation();
            retryable = event.outcome() == StepOutcome.FAILED && event.retryable();
        }
    }

    /** Changes whenever anything a partner can see of this onboarding changes: the basis of its ETag. */
    public String version() {
        var version = new StringBuilder().append(status).append('|').append(lastSequence).append('|').append(updatedAt)
                .append('|').append(activation);
        steps.forEach(step -> version.append('|').append(step.step).append(':').append(step.sequence));
        return version.toString();
    }

    private static OnboardingStatus statusAfter(StatusEvent event) {
        if (!event.isAboutOnboarding()) {
            return OnboardingStatus.RUNNING;
        }
        return switch (event.outcome()) {
            case SUCCEEDED -> OnboardingStatus.SUCCEEDED;
            case FAILED -> OnboardingStatus.FAILED;
            case PROPAGATING -> OnboardingStatus.PROPAGATING;
            // the worker stopped a command the API had not canceled itself: a newer command replaced it
            case CANCELED -> OnboardingStatus.CANCELED;
            default -> OnboardingStatus.RUNNING;
        };
    }

    private void applyToStep(StatusEvent event, Map<OnboardingStep.Key, OnboardingStep> steps) {
        var key = new OnboardingStep.Key(id, event.step());
        OnboardingStep step = steps.get(key);
        if (step == null) {
            step = OnboardingStep.of(this, event.step());
            step.apply(event);
            // persisted on its own, once filled in: adding it to this.steps would load them all
            step.persist();
            steps.put(key, step);
            applyReported(event);
        } else if (step.apply(event)) {
            applyReported(event);
        }
    }

    /** What a step's event reports of the onboarding as a whole: the profile applied, the DNS records found. */
    private void applyReported(StatusEvent event) {
        if (event.profile() != null) {
            appliedProfile = event.profile();
        }
        if (event.dnsRecords() != null) {
            dnsRecords = asJson(event.dnsRecords());
        }
    }

    public List<DnsRecordCheck> dnsRecords() {
        if (dnsRecords == null) {
            return List.of();
        }
        try {
            return List.of(WireJson.mapper().readValue(dnsRecords, DnsRecordCheck[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored domain-verification records cannot be read", e);
        }
    }

    private static String asJson(List<DnsRecordCheck> records) {
        try {
            return WireJson.mapper().writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Domain-verification records cannot be written", e);
        }
    }

    /** Whether the worker reported this outcome for the step (a query: the steps are not loaded to apply events). */
    public boolean reported(ProvisioningStep name, StepOutcome outcome) {
        return OnboardingStep.count("onboarding.id = ?1 and step = ?2 and outcome = ?3", id, name, outcome) > 0;
    }

    /** Sets whether the configuration is confirmed in effect; a change a partner sees, so it changes the version too. */
    public void activation(Activation state, String why, Instant now) {
        activation = state;
        activationDetail = why;
        updatedAt = now;
    }
}
