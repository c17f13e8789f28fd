package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import com.trustifi.onboarding.api.onboarding.access.TenantAccess;
import com.trustifi.onboarding.api.onboarding.access.TenantConnected;
import com.trustifi.onboarding.api.onboarding.order.Admission;
import com.trustifi.onboarding.api.onboarding.order.NumberedOrder;
import com.trustifi.onboarding.api.onboarding.order.OnboardingOrder;
import com.trustifi.onboarding.api.onboarding.order.RefusedRow;
import com.trustifi.onboarding.api.outbox.Outbox;
import com.trustifi.onboarding.api.relayaccount.RelayAccount;
import com.trustifi.onboarding.api.relayaccount.RelayAccounts;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.EncryptedSecret;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.TenantGeneration;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts onboardings and actions on them: each row and its provisioning command are stored in
 * one transaction.
 *
 * <p>Every command gets its own onboarding row, and the command carries that row's id as its
 * onboarding id. The worker numbers a command's status events from 1, so a second command for the
 * same tenant (a retry, a verify) would otherwise be compared with the first one's sequence. An
 * action therefore answers with a new onboarding, linked to the one it acts on through
 * {@code originId}; only a cancel changes the onboarding itself.
 */
@ApplicationScoped
public class OnboardingService {

    private final Clock clock;
    private final AuditLog audit;
    private final RelayAccounts relayAccounts;
    private final Outbox outbox;
    private final TenantAccess connections;
    private final TenantGenerations tenantGenerations;

    OnboardingService(Clock clock, AuditLog audit, RelayAccounts relayAccounts, Outbox outbox, TenantAccess connections,
            TenantGenerations tenantGenerations) {
        this.connections = connections;
        this.tenantGenerations = tenantGenerations;
        this.clock = clock;
        this.audit = audit;
        this.relayAccounts = relayAccounts;
        this.outbox = outbox;
    }

    @Transactional
    public Onboarding accept(UUID partnerId, OnboardingOrder order) {
        connections.requireConnected(partnerId, order.tenantId());
        RelayAccount account = usableAccount(partnerId, order.relayAccountId());
        coversDomains(account, order);
        return issue(partnerId, order, null, account, "onboarding.create");
    }

    /**
     * Accepts a batch's rows, in the caller's transaction, under the rules of {@link #accept}: the
     * relay account is the partner's and enabled, it has each relay domain, and the tenant has no
     * onboarding in progress, counting the batch's earlier rows. A row that breaks a rule is
     * refused with its field and reason (a tenant not connected to the partner among them); the others are accepted, with one audit entry for the
     * batch rather than one per row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Admission acceptAll(UUID partnerId, UUID batchId, List<NumberedOrder> rows) {
        Map<UUID, RelayAccount> accounts = RelayAccount.ofPartner(partnerId,
                rows.stream().map(row -> row.order().relayAccountId()).filter(java.util.Objects::nonNull).distinct().toList());
        List<String> tenants = rows.stream().map(row -> row.order().tenantId()).distinct().toList();
        Map<String, String> notAllowed = connections.refusedAmong(partnerId, tenants);
        Map<String, Onboarding> active = Onboarding.activeFor(tenants);
        Map<String, Integer> rowOfTenant = new HashMap<>();
        List<RefusedRow> refused = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        Instant now = clock.instant();
        for (NumberedOrder row : rows) {
            OnboardingOrder order = row.order();
            try {
                if (notAllowed.containsKey(order.tenantId())) {
                    throw new UnacceptableRequestException("tenantId", notAllowed.get(order.tenantId()));
                }
                RelayAccount account = usable(Optional.ofNullable(order.relayAccountId()).map(accounts::get));
                coversDomains(account, order);
                tenantFree(partnerId, Optional.ofNullable(active.get(order.tenantId())));
                Integer earlier = rowOfTenant.putIfAbsent(order.tenantId(), row.row());
                if (earlier != null) {
                    throw new UnacceptableRequestException("tenantId",
                            "is also in rows[" + earlier + "]; a tenant can have only one onboarding in progress");
                }
                Onboarding onboarding = Onboarding.accept(partnerId, order, now);
                onboarding.batchId = batchId;
                onboarding.persist();
                accepted.add(new Accepted(onboarding, account));
            } catch (UnacceptableRequestException e) {
                refused.add(new RefusedRow(row.row(), e.field(), e.reason()));
            } catch (OnboardingInProgressException e) {
                refused.add(new RefusedRow(row.row(), "tenantId", "already has an onboarding in progress"
                        + e.activeOnboardingId().map(id -> ": " + id).orElse("")));
            }
        }
        Map<String, Long> generations = tenantGenerations.raise(accepted.stream().map(each -> each.onboarding().tenantId).toList());
        outbox.append(accepted.stream()
                .map(each -> command(each.onboarding(), each.account(), generations.get(each.onboarding().tenantId)))
                .toList());
        return new Admission(accepted.size(), refused);
    }

    private record Accepted(Onboarding onboarding, RelayAccount account) {
    }

    /**
     * Has the worker sign in to a connected tenant as the app, writing nothing: the check shows
     * whether the administrator's consent and the app's Exchange role are in place, and if not,
     * what the administrator must do. It does not keep the tenant busy.
     */
    @Transactional
    public Onboarding checkConnection(UUID partnerId, String tenantId) {
        connections.requireHeld(partnerId, tenantId);
        Onboarding check = Onboarding.accept(partnerId,
                new OnboardingOrder(CommandKind.CHECK_CONNECTION, tenantId, null, List.of(), null, null, null), clock.instant());
        check.persist();
        audit.record(partnerId, "tenant-connection.check", "onboarding", check.id);
        // it only reads, so it does not raise the generation: that would stop an onboarding in progress
        outbox.append(List.of(command(check, null, tenantGenerations.current(tenantId))));
        return check;
    }

    /**
     * Every new connection is checked at once, in the consent's transaction; a tenant taken over
     * from another partner first loses that partner's onboarding in progress.
     */
    void onConnected(@Observes TenantConnected connected) {
        connected.previousPartnerId().filter(previous -> !previous.equals(connected.partnerId()))
                .flatMap(previous -> Onboarding.activeFor(connected.tenantId()).filter(active -> active.partnerId.equals(previous)))
                .flatMap(active -> Onboarding.lockedForUpdate(active.id))
                .filter(active -> !active.status.isTerminal())
                .ifPresent(active -> cancel(active.partnerId, active,
                        "Canceled: the tenant's administrator connected the tenant to another partner"));
        checkConnection(connected.partnerId(), connected.tenantId());
    }

    /**
     * Carries out an action on one of the partner's onboardings; answers the onboarding to follow.
     * Every action but a cancel needs the tenant still connected to the partner.
     */
    @Transactional
    public Optional<Onboarding> act(UUID partnerId, UUID id, OnboardingAction action) {
        return Onboarding.ofPartner(partnerId, id).flatMap(found -> Onboarding.lockedForUpdate(found.id)).map(onboarding -> {
            if (onboarding.kind == CommandKind.CHECK_CONNECTION) {
                throw new OnboardingStateException("A connection check has no actions; "
                        + "POST /v1/tenant-connections/{tenantId}/check runs a new one");
            }
            if (onboarding.watch) {
                throw new OnboardingStateException("A check of the fleet watch has no actions; "
                        + "act on the onboarding it checked, or read GET /v1/tenants/{tenantId}/conformance");
            }
            if (action != OnboardingAction.CANCEL) {
                connections.requireConnected(partnerId, onboarding.tenantId);
            }
            return onboarding;
        }).map(onboarding -> switch (action) {
            case CANCEL -> cancel(partnerId, onboarding, null);
            case RETRY -> {
                if (onboarding.status != OnboardingStatus.FAILED) {
                    throw new OnboardingStateException("Only a FAILED onboarding can be retried; this one is " + onboarding.status);
                }
                yield issue(partnerId, onboarding.order(onboarding.kind), onboarding.id,
                        usableAccount(partnerId, onboarding.relayAccountId), "onboarding.retry");
            }
            default -> issue(partnerId, onboarding.order(action.kind().orElseThrow()), onboarding.id,
                    usableAccount(partnerId, onboarding.relayAccountId), "onboarding." + action.name().toLowerCase(Locale.ROOT));
        }).map(OnboardingService::withSteps);
    }

    /**
     * Has the worker read the tenant again against the configuration of {@code watched}, a SUCCEEDED onboarding: a
     * check of the fleet watch, which writes nothing, so it neither raises the tenant's generation (that would stop
     * an onboarding in progress) nor keeps the tenant busy. A {@code confirming} check also has Exchange send the
     * connector's test email, if the onboarding named a test recipient. Runs in the caller's transaction.
     *
     * @return empty while the partner's own onboarding of the tenant is in progress: it is checked afterwards
     * @throws OnboardingStateException when the tenant may no longer be checked for the partner, saying why; thrown
     *                                   past no transactional boundary, so the caller's transaction goes on
     */
    public Optional<Onboarding> watch(UUID partnerId, UUID watched, boolean confirming) {
        Onboarding onboarding = stillActionable(partnerId, watched);
        if (Onboarding.activeFor(onboarding.tenantId).isPresent()) {
            return Optional.empty();
        }
        RelayAccount account = usableAccount(partnerId, onboarding.relayAccountId);
        Onboarding check = Onboarding.accept(partnerId, onboarding.order(CommandKind.WATCH), clock.instant());
        if (!confirming) {
            // the test email confirms the rule in effect once; sent every few hours, it would be mail nobody wants
            check.testRecipient = null;
        }
        check.originId = watched;
        check.watch = true;
        check.persist();
        outbox.append(List.of(command(check, account, tenantGenerations.current(onboarding.tenantId))));
        return Optional.of(check);
    }

    /**
     * Converges the tenant again to the configuration of {@code watched}, as an onboarding like any other (fenced, one
     * at a time per tenant, audited), on the partner's policy after a check found drift. Runs in the caller's
     * transaction.
     *
     * @throws RuntimeException when it cannot start now, saying why (the tenant is busy, no longer connected, ...);
     *                          thrown past no transactional boundary, so the caller's transaction goes on
     */
    public Onboarding repair(UUID partnerId, UUID watched, UUID check) {
        Onboarding onboarding = stillActionable(partnerId, watched);
        return issue(partnerId, onboarding.order(CommandKind.ONBOARD), check, usableAccount(partnerId, onboarding.relayAccountId),
                "conformance.repair");
    }

    /**
     * The partner's onboarding (without its steps: only its order is needed), while the tenant is still connected to
     * the partner and its consent holds.
     */
    private Onboarding stillActionable(UUID partnerId, UUID id) {
        Onboarding onboarding = Onboarding.<Onboarding>findByIdOptional(id).filter(found -> partnerId.equals(found.partnerId))
                .orElseThrow(() -> new IllegalStateException("No onboarding " + id + " of partner " + partnerId));
        String refused = connections.refusedAmong(partnerId, List.of(onboarding.tenantId)).get(onboarding.tenantId);
        if (refused != null) {
            throw new OnboardingStateException("The tenant " + refused);
        }
        return onboarding;
    }

    /** One page of the partner's onboardings, oldest first; the steps are not loaded. Connection checks show on their connection. */
    @Transactional
    public List<Onboarding> list(UUID partnerId, OnboardingFilter filter) {
        var where = new StringBuilder("partnerId = :partner and kind <> :check and watch = false");
        var parameters = Parameters.with("partner", partnerId).and("check", CommandKind.CHECK_CONNECTION);
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.batchId() != null) {
            where.append(" and batchId = :batch");
            parameters.and("batch", filter.batchId());
        }
        if (filter.tenantId() != null) {
            where.append(" and tenantId = :tenant");
            parameters.and("tenant", filter.tenantId());
        }
        if (filter.createdFrom() != null) {
            where.append(" and createdAt >= :from");
            parameters.and("from", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            where.append(" and createdAt < :to");
            parameters.and("to", filter.createdTo());
        }
        if (filter.after() != null) {
            where.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", filter.after().createdAt()).and("afterId", filter.after().id());
        }
        return Onboarding.<Onboarding>find(where + " order by createdAt, id", parameters).page(0, filter.limit()).list();
    }

    /** Loads the steps while the transaction is open: the view is built after it ends. */
    private static Onboarding withSteps(Onboarding onboarding) {
        onboarding.steps.size();
        return onboarding;
    }

    /**
     * Cancels an onboarding in progress and fences its command: the tenant's generation is raised
     * and published, so the worker stops the command at its next step and drops it if it comes back
     * from a retry topic; a command not yet published is withdrawn.
     */
    private Onboarding cancel(UUID partnerId, Onboarding onboarding, String reason) {
        if (onboarding.status == OnboardingStatus.CANCELING) {
            throw new OnboardingStateException("The onboarding is already being canceled");
        }
        if (onboarding.status.isTerminal()) {
            throw new OnboardingStateException("Only an onboarding in progress can be canceled; this one is " + onboarding.status);
        }
        Instant now = clock.instant();
        boolean published = !outbox.withdraw(onboarding.id);
        onboarding.cancel(reason != null ? reason : "Canceled by the partner", now, published);
        long generation = tenantGenerations.raise(onboarding.tenantId);
        outbox.append(new TenantGeneration(TenantGeneration.SCHEMA_VERSION, onboarding.tenantId, generation, now));
        audit.record(partnerId, "onboarding.cancel", "onboarding", onboarding.id);
        return onboarding;
    }

    private RelayAccount usableAccount(UUID partnerId, UUID relayAccountId) {
        return usable(Optional.ofNullable(relayAccountId).flatMap(id -> RelayAccount.ofPartner(partnerId, id)));
    }

    private static RelayAccount usable(Optional<RelayAccount> found) {
        RelayAccount account = found
                .orElseThrow(() -> new UnacceptableRequestException("relayAccountId", "is not one of your relay accounts"));
        if (!account.enabled || !account.hasSecret()) {
            throw new UnacceptableRequestException("relayAccountId", "the relay is not enabled for this account (seed step 5)");
        }
        return account;
    }

    private static void coversDomains(RelayAccount account, OnboardingOrder order) {
        for (int i = 0; i < order.relayDomains().size(); i++) {
            if (!account.domains.contains(order.relayDomains().get(i))) {
                throw new UnacceptableRequestException("relayDomains[" + i + "]",
                        "is not a domain of the relay account (seed step 4)");
            }
        }
    }

    /** The active onboarding is named only to its own partner: another partner's stays invisible. */
    private static void tenantFree(UUID partnerId, Optional<Onboarding> active) {
        if (active.isPresent()) {
            throw new OnboardingInProgressException(partnerId.equals(active.get().partnerId) ? active.get().id : null);
        }
    }

    private Onboarding issue(UUID partnerId, OnboardingOrder order, UUID originId, RelayAccount account, String action) {
        tenantFree(partnerId, Onboarding.activeFor(order.tenantId()));
        Onboarding onboarding = Onboarding.accept(partnerId, order, clock.instant());
        onboarding.originId = originId;
        onboarding.persist();
        audit.record(partnerId, action, "onboarding", onboarding.id);
        outbox.append(List.of(command(onboarding, account, tenantGenerations.raise(order.tenantId()))));
        return onboarding;
    }

    /** The command that makes the worker carry out the onboarding, under its id, in the tenant's generation. */
    private ProvisioningCommand command(Onboarding onboarding, RelayAccount account, long generation) {
        OnboardingOrder order = onboarding.order(onboarding.kind);
        // OFFBOARD removes the rule that holds the secret and a connection check writes nothing: neither needs it
        boolean needsSecret = order.kind() != CommandKind.OFFBOARD && order.kind() != CommandKind.CHECK_CONNECTION;
        EncryptedSecret secret = needsSecret ? relayAccounts.secretFor(account, order.tenantId()) : null;
        return new ProvisioningCommand(
                ProvisioningCommand.SCHEMA_VERSION,
                UUID.randomUUID(),
                onboarding.id,
                order.tenantId(),
                order.kind(),
                new RelayConfiguration(order.relayDomains(), order.profile(), secret, order.limitedScope(),
                        order.testRecipient(), account == null ? List.of() : account.domainVerificationRecords(order.relayDomains())),
                onboarding.createdAt,
                generation);
    }
}
