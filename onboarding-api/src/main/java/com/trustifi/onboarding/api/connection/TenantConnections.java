package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.config.TenantConnectionConfig;
import com.trustifi.onboarding.api.connection.consent.ConnectLink;
import com.trustifi.onboarding.api.connection.consent.ConsentCallback;
import com.trustifi.onboarding.api.connection.consent.ConsentRefusedException;
import com.trustifi.onboarding.api.connection.consent.ConsentState;
import com.trustifi.onboarding.api.connection.consent.ConsentStateSigner;
import com.trustifi.onboarding.api.connection.consent.EntraSignIn;
import com.trustifi.onboarding.api.connection.consent.VerifiedAdministrator;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStateException;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.api.onboarding.access.TenantAccess;
import com.trustifi.onboarding.api.onboarding.access.TenantConnected;
import com.trustifi.onboarding.api.onboarding.access.TenantNotConnectedException;
import com.trustifi.onboarding.api.partner.Partner;
import com.trustifi.onboarding.model.CommandKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which partner may act on which tenant. A partner gets a connect link; the tenant's administrator
 * signs in through it and grants admin consent to the app; the tenant is the one the administrator's
 * id token (signed by Entra) names, and is connected to the partner the link's state names. A tenant is
 * connected to one partner at a time: another partner gets it only through a new consent by the
 * tenant's administrator, which ends the first connection and cancels that partner's onboarding
 * in progress.
 */
@ApplicationScoped
public class TenantConnections implements TenantAccess {

    private static final int MAX_ERROR_DESCRIPTION = 300;
    private static final int MAX_CODE = 4096;
    private static final String NONCE = "nonce";
    private static final String CODE_VERIFIER = "pkce-code-verifier";

    private final TenantConnectionConfig config;
    private final ConsentStateSigner states;
    private final EntraSignIn entra;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<TenantConnected> connected;

    TenantConnections(TenantConnectionConfig config, ConsentStateSigner states, EntraSignIn entra, AuditLog audit, Clock clock,
            Event<TenantConnected> connected) {
        this.entra = entra;
        this.connected = connected;
        this.config = config;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    /** A connect link for the named tenant (a GUID), or for whichever tenant the administrator signs in to. */
    @Transactional
    public ConnectLink connectLink(UUID partnerId, Optional<String> tenantId) {
        if (!entra.configured() || !states.configured()) {
            throw new TenantConnectionsUnavailableException();
        }
        Instant now = clock.instant();
        var request = ConnectionRequest.of(partnerId, tenantId.orElse(null), now, now.plus(config.stateLifetime()));
        request.persist();
        audit.record(partnerId, "tenant-connection.link", "tenant-connection-request", request.id);
        String state = states.sign(new ConsentState(request.id, partnerId, request.expiresAt, ConsentState.Leg.SIGN_IN));
        URI url = entra.signInUrl(tenantId, state, states.derive(NONCE, request.id), states.derive(CODE_VERIFIER, request.id));
        return new ConnectLink(url, request.tenantId, request.expiresAt);
    }

    /**
     * Takes a callback from Entra one leg further. After sign-in: the code is redeemed and the id token verified; the
     * administrator must hold a role that may consent for the organization and, when the link named a tenant, belong
     * to it; the browser then goes on to admin consent in that tenant. After admin consent: the tenant must be the one
     * the administrator verifiably signed in to, and is connected. Each leg's state works once, and is used up even
     * when the callback is refused, so that it cannot be tried again. Every refusal is in the audit log.
     */
    public ConsentOutcome complete(ConsentCallback callback) {
        Optional<ConsentState> state = states.read(callback.state());
        try {
            ConsentState read = state.orElseThrow(() -> ConsentRefusedException.invalid("state",
                    "is not a state this service issued: ask the partner for a new connect link"));
            return switch (read.leg()) {
                case SIGN_IN -> signedIn(read, callback);
                case CONSENT -> consented(read, callback);
                case RESULT -> throw ConsentRefusedException.invalid("state", "is not the state of a sign-in or a consent");
            };
        } catch (ConsentRefusedException refused) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(state.map(ConsentState::partnerId).orElse(null),
                    "tenant-connection.refused", "tenant-connection-request",
                    state.map(found -> found.requestId().toString()).orElse("unknown") + " " + refused.field()));
            throw refused;
        }
    }

    /** What the result page of a connect link shows, while the link has not expired. */
    @Transactional
    public ConsentOutcome.ConsentResult result(String resultState) {
        ConsentState state = states.read(resultState).filter(read -> read.leg() == ConsentState.Leg.RESULT)
                .filter(read -> read.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> ConsentRefusedException.invalid("state", "is not a result this service issued, or it expired"));
        ConnectionRequest request = ConnectionRequest.<ConnectionRequest>findByIdOptional(state.requestId())
                .filter(found -> found.partnerId.equals(state.partnerId()) && found.usedAt != null && found.adminTenantId != null)
                .orElseThrow(() -> ConsentRefusedException.invalid("state", "names no connection this service made"));
        return result(request);
    }

    private ConsentOutcome signedIn(ConsentState state, ConsentCallback callback) {
        Instant now = clock.instant();
        ConnectionRequest request = QuarkusTransaction.requiringNew().call(() -> {
            ConnectionRequest found = usable(state, now);
            if (found.signedInAt != null || !ConnectionRequest.useSignIn(found.id, found.partnerId, now)) {
                throw ConsentRefusedException.invalid("state", "was already used: ask the partner for a new connect link");
            }
            return found;
        });
        if (callback.error() != null) {
            throw declined(callback);
        }
        if (callback.code() == null || callback.code().isBlank() || callback.code().length() > MAX_CODE) {
            throw ConsentRefusedException.invalid("code", "is missing: the sign-in did not complete");
        }
        VerifiedAdministrator administrator = entra.redeem(callback.code(), states.derive(CODE_VERIFIER, request.id),
                states.derive(NONCE, request.id), Optional.ofNullable(request.tenantId));
        if (request.tenantId != null && !request.tenantId.equals(administrator.tenantId())) {
            throw ConsentRefusedException.invalid("tid", "The account " + administrator.username()
                    + " belongs to another tenant than the one this connect link is for: sign in with an administrator of "
                    + request.tenantId);
        }
        if (!administrator.mayGrantTenantWideConsent()) {
            throw ConsentRefusedException.roleNeeded("The account " + administrator.username() + " holds neither the Global "
                    + "Administrator nor the Privileged Role Administrator role, and only those may grant the app's permissions "
                    + "for the whole organization: ask the partner for a new connect link and sign in with an account that holds one");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionRequest.signedIn(request.id, administrator);
            audit.record(request.partnerId, "tenant-connection.signed-in", "tenant-connection-request", request.id);
        });
        String consentState = states.sign(new ConsentState(request.id, request.partnerId, request.expiresAt, ConsentState.Leg.CONSENT));
        return new ConsentOutcome.SignedIn(entra.adminConsentUrl(administrator.tenantId(), consentState));
    }

    private ConsentOutcome consented(ConsentState state, ConsentCallback callback) {
        Instant now = clock.instant();
        ConnectionRequest request = QuarkusTransaction.requiringNew().call(() -> {
            ConnectionRequest found = usable(state, now);
            if (found.adminTenantId == null) {
                throw ConsentRefusedException.invalid("state", "belongs to a connect link whose administrator has not signed in");
            }
            if (found.usedAt != null || !ConnectionRequest.useConsent(found.id, found.partnerId, now)) {
                throw ConsentRefusedException.invalid("state", "was already used: ask the partner for a new connect link");
            }
            return found;
        });
        if (callback.error() != null) {
            throw declined(callback);
        }
        if (!"true".equalsIgnoreCase(callback.adminConsent())) {
            throw ConsentRefusedException.invalid("admin_consent", "is not True: the administrator did not grant consent");
        }
        String tenantId = callback.tenant() == null ? "" : callback.tenant().trim().toLowerCase(Locale.ROOT);
        if (!request.adminTenantId.equals(tenantId)) {
            throw ConsentRefusedException.invalid("tenant", "is not the tenant of the administrator who signed in");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            TenantConnection connection = connect(tenantId, request, now);
            String resultState = states.sign(new ConsentState(request.id, request.partnerId, request.expiresAt, ConsentState.Leg.RESULT));
            return new ConsentOutcome.Connected(connection, result(request), resultState);
        });
    }

    /** The state's connect request, when it is this service's and has not expired. */
    private ConnectionRequest usable(ConsentState state, Instant now) {
        ConnectionRequest request = ConnectionRequest.<ConnectionRequest>findByIdOptional(state.requestId())
                .filter(found -> found.partnerId.equals(state.partnerId()))
                .orElseThrow(() -> ConsentRefusedException.invalid("state", "names no connect link of this service"));
        if (!state.expiresAt().isAfter(now) || !request.expiresAt.isAfter(now)) {
            throw ConsentRefusedException.invalid("state", "has expired: ask the partner for a new connect link");
        }
        return request;
    }

    private static ConsentRefusedException declined(ConsentCallback callback) {
        return ConsentRefusedException.denied("Nothing was connected: Entra answered " + printable(callback.error())
                + (callback.errorDescription() == null ? "" : " (" + printable(callback.errorDescription()) + ")"));
    }

    private ConsentOutcome.ConsentResult result(ConnectionRequest request) {
        Optional<TenantConnection> connection = TenantConnection.<TenantConnection>findByIdOptional(request.adminTenantId)
                .filter(found -> found.requestId.equals(request.id));
        String partner = Partner.<Partner>findByIdOptional(request.partnerId).map(found -> found.name).orElse("(removed)");
        Optional<Onboarding> check = connection.flatMap(found ->
                Optional.ofNullable(Onboarding.latestChecks(request.partnerId, List.of(found.tenantId)).get(found.tenantId)));
        return new ConsentOutcome.ConsentResult(request.adminTenantId, partner, request.adminUsername, connection.isPresent(), check);
    }

    /** The partner's connected tenants, in the order they were connected, each with its latest access check. */
    @Transactional
    public List<ConnectionStatus> list(UUID partnerId) {
        List<TenantConnection> connections = TenantConnection.list("partnerId = ?1 order by connectedAt, tenantId", partnerId);
        var checks = Onboarding.latestChecks(partnerId, connections.stream().map(connection -> connection.tenantId).toList());
        return connections.stream()
                .map(connection -> new ConnectionStatus(connection, Optional.ofNullable(checks.get(connection.tenantId))))
                .toList();
    }

    /**
     * Ends the partner's connection to the tenant. Refused while the tenant has an onboarding in
     * progress or is onboarded: the relay's objects would stay in a tenant nobody may offboard.
     *
     * @return false when the tenant is not connected to the partner
     */
    @Transactional
    public boolean disconnect(UUID partnerId, String tenantId) {
        Optional<TenantConnection> connection = TenantConnection.lockedFor(tenantId).filter(found -> found.partnerId.equals(partnerId));
        if (connection.isEmpty()) {
            return false;
        }
        if (Onboarding.activeFor(tenantId).isPresent()) {
            throw new OnboardingStateException("The tenant has an onboarding in progress; cancel it or wait for it to end");
        }
        // a tenant that withdrew the app's consent cannot be offboarded by it: its administrator removed the app
        if (connection.get().consentWithdrawnAt == null && onboarded(partnerId, tenantId)) {
            throw new OnboardingStateException("The tenant is onboarded; offboard it first (POST /v1/onboardings/{id}/offboard)");
        }
        connection.get().delete();
        audit.record(partnerId, "tenant-connection.delete", "tenant", tenantId);
        return true;
    }

    /**
     * @throws TenantNotConnectedException unless the tenant is connected to the partner
     * @throws ConsentWithdrawnException   when Entra has refused the app in the tenant since it was connected
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireConnected(UUID partnerId, String tenantId) {
        TenantConnection connection = TenantConnection.of(partnerId, tenantId).orElseThrow(TenantNotConnectedException::new);
        if (connection.consentWithdrawnAt != null) {
            throw new ConsentWithdrawnException();
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireHeld(UUID partnerId, String tenantId) {
        TenantConnection.of(partnerId, tenantId).orElseThrow(TenantNotConnectedException::new);
    }

    /**
     * Entra refused the app in a connected tenant (consent revoked, service principal deleted): the connection stays,
     * marked, and refuses onboarding until the tenant's administrator connects it again. Only once the app has worked
     * there since the connection (a command of the partner's for the tenant succeeded: a check, an onboarding, a fleet
     * watch's check): right after a consent, Entra refuses the app for a while, and the
     * same answers come when the app's own id is wrong, which no tenant can mend.
     *
     * @return whether this marked it (false when it was already marked, or the tenant is not the partner's)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consentWithdrawn(UUID partnerId, String tenantId, String reason, Instant at) {
        Optional<TenantConnection> connection = TenantConnection.lockedFor(tenantId)
                .filter(found -> found.partnerId.equals(partnerId) && found.consentWithdrawnAt == null && !found.connectedAt.isAfter(at))
                .filter(found -> appWorkedSince(partnerId, tenantId, found.connectedAt));
        connection.ifPresent(found -> {
            found.consentWithdrawnAt = at;
            found.consentWithdrawnReason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
            audit.record(partnerId, "tenant-connection.consent-withdrawn", "tenant", tenantId);
        });
        return connection.isPresent();
    }

    /** A check passed since the consent was withdrawn: the administrator gave it back outside a connect link. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentRestored(UUID partnerId, String tenantId) {
        // nearly every passing check finds nothing marked: one conditional statement, which locks no row then
        if (TenantConnection.clearWithdrawal(partnerId, tenantId)) {
            audit.record(partnerId, "tenant-connection.consent-restored", "tenant", tenantId);
        }
    }

    private static boolean appWorkedSince(UUID partnerId, String tenantId, Instant since) {
        return Onboarding.count("partnerId = ?1 and tenantId = ?2 and status = ?3 and createdAt >= ?4",
                partnerId, tenantId, OnboardingStatus.SUCCEEDED, since) > 0;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> refusedAmong(UUID partnerId, Collection<String> tenantIds) {
        Map<String, Boolean> withdrawnByConnected = TenantConnection.withdrawnByConnectedAmong(partnerId, tenantIds);
        Map<String, String> refused = new HashMap<>();
        for (String tenantId : tenantIds) {
            Boolean withdrawn = withdrawnByConnected.get(tenantId);
            if (withdrawn == null) {
                refused.put(tenantId, TenantNotConnectedException.REASON);
            } else if (withdrawn) {
                refused.put(tenantId, ConsentWithdrawnException.ROW_REASON);
            }
        }
        return refused;
    }

    private TenantConnection connect(String tenantId, ConnectionRequest request, Instant now) {
        TenantConnection connection = TenantConnection.lockedOrCreated(tenantId, request.partnerId, request.id, now);
        UUID previous = connection.partnerId;
        if (!previous.equals(request.partnerId)) {
            audit.record(previous, "tenant-connection.taken-over", "tenant", tenantId);
        }
        connection.partnerId = request.partnerId;
        connection.requestId = request.id;
        connection.connectedAt = now;
        connection.consentWithdrawnAt = null;
        connection.consentWithdrawnReason = null;
        audit.record(request.partnerId, "tenant-connection.create", "tenant", tenantId);
        // the other partner's onboarding in progress is canceled by the observer, with the fencing of any cancel
        connected.fire(new TenantConnected(request.partnerId, tenantId, Optional.of(previous)));
        return connection;
    }

    /** Whether the partner's latest finished ONBOARD of the tenant came after its latest finished OFFBOARD. */
    private static boolean onboarded(UUID partnerId, String tenantId) {
        return Onboarding.<Onboarding>find("partnerId = ?1 and tenantId = ?2 and status = ?3 and kind in ?4 order by createdAt desc",
                        partnerId, tenantId, OnboardingStatus.SUCCEEDED, List.of(CommandKind.ONBOARD, CommandKind.OFFBOARD))
                .firstResultOptional()
                .map(latest -> latest.kind == CommandKind.ONBOARD)
                .orElse(false);
    }

    /** Entra's error text comes through the browser, so anyone can write it: printable characters only, and not too many. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("[^\\p{Print}]", " ").strip();
        return cleaned.length() > MAX_ERROR_DESCRIPTION ? cleaned.substring(0, MAX_ERROR_DESCRIPTION) + "..." : cleaned;
    }
}
