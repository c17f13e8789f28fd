package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.config.TenantConnectionConfig;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStateException;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.model.CommandKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which partner may act on which tenant. A partner gets a connect link; the tenant's administrator
 * grants admin consent to the app through it; Entra sends the administrator back with the tenant
 * id and the link's state, and the tenant is connected to the partner the state names. A tenant is
 * connected to one partner at a time: another partner gets it only through a new consent by the
 * tenant's administrator, which ends the first connection and cancels that partner's onboarding
 * in progress.
 */
@ApplicationScoped
public class TenantConnections {

    private static final Pattern TENANT_GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_ERROR_DESCRIPTION = 300;

    private final TenantConnectionConfig config;
    private final ConsentStateSigner states;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<TenantConnected> connected;

    TenantConnections(TenantConnectionConfig config, ConsentStateSigner states, AuditLog audit, Clock clock,
            Event<TenantConnected> connected) {
        this.connected = connected;
        this.config = config;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    /** A connect link for the named tenant (a GUID), or for whichever tenant the administrator signs in to. */
    @Transactional
    public ConnectLink connectLink(UUID partnerId, Optional<String> tenantId) {
        if (config.clientId().isEmpty() || config.redirectUri().isEmpty() || !states.configured()) {
            throw new TenantConnectionsUnavailableException();
        }
        Instant now = clock.instant();
        var request = ConnectionRequest.of(partnerId, tenantId.orElse(null), now, now.plus(config.stateLifetime()));
        request.persist();
        audit.record(partnerId, "tenant-connection.link", "tenant-connection-request", request.id);
        String state = states.sign(new ConsentState(request.id, partnerId, request.expiresAt));
        String authority = config.authorityHost().toString().replaceAll("/+$", "");
        URI url = URI.create(authority + "/" + tenantId.orElse("organizations") + "/v2.0/adminconsent"
                + "?client_id=" + encode(config.clientId().get())
                + "&scope=" + encode(config.scope())
                + "&redirect_uri=" + encode(config.redirectUri().get().toString())
                + "&state=" + encode(state));
        return new ConnectLink(url, request.tenantId, request.expiresAt);
    }

    /**
     * Completes a consent: the state must be this service's, unexpired and unused, and (when the
     * link named a tenant) the consent must come from that tenant. The state is used up even when
     * the administrator declined, so that it cannot be tried again.
     */
    @Transactional(dontRollbackOn = ConsentRefusedException.class)
    public TenantConnection complete(ConsentCallback callback) {
        Instant now = clock.instant();
        ConsentState state = states.read(callback.state()).orElseThrow(() -> ConsentRefusedException.invalid("state",
                "is not a state this service issued: ask the partner for a new connect link"));
        ConnectionRequest request = ConnectionRequest.<ConnectionRequest>findByIdOptional(state.requestId())
                .filter(found -> found.partnerId.equals(state.partnerId()))
                .orElseThrow(() -> ConsentRefusedException.invalid("state", "names no connect link of this service"));
        if (request.usedAt != null) {
            throw ConsentRefusedException.invalid("state", "was already used: ask the partner for a new connect link");
        }
        if (!state.expiresAt().isAfter(now) || !request.expiresAt.isAfter(now)) {
            throw ConsentRefusedException.invalid("state", "has expired: ask the partner for a new connect link");
        }
        if (!ConnectionRequest.use(request.id, request.partnerId, now)) {
            throw ConsentRefusedException.invalid("state", "was already used: ask the partner for a new connect link");
        }
        if (callback.error() != null) {
            audit.record(request.partnerId, "tenant-connection.declined", "tenant-connection-request", request.id);
            throw ConsentRefusedException.denied("The administrator did not grant consent (" + printable(callback.error())
                    + (callback.errorDescription() == null ? "" : ": " + printable(callback.errorDescription())) + ")");
        }
        if (!"true".equalsIgnoreCase(callback.adminConsent())) {
            throw ConsentRefusedException.invalid("admin_consent", "is not True: the administrator did not grant consent");
        }
        String tenantId = callback.tenant() == null ? "" : callback.tenant().trim().toLowerCase(Locale.ROOT);
        if (!TENANT_GUID.matcher(tenantId).matches()) {
            throw ConsentRefusedException.invalid("tenant", "is not a tenant id");
        }
        if (request.tenantId != null && !request.tenantId.equals(tenantId)) {
            throw ConsentRefusedException.invalid("tenant", "is not the tenant the connect link was made for");
        }
        return connect(tenantId, request, now);
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
        if (onboarded(partnerId, tenantId)) {
            throw new OnboardingStateException("The tenant is onboarded; offboard it first (POST /v1/onboardings/{id}/offboard)");
        }
        connection.get().delete();
        audit.record(partnerId, "tenant-connection.delete", "tenant", tenantId);
        return true;
    }

    /** @throws TenantNotConnectedException unless the tenant is connected to the partner */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireConnected(UUID partnerId, String tenantId) {
        if (!TenantConnection.exists(partnerId, tenantId)) {
            throw new TenantNotConnectedException();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> connectedAmong(UUID partnerId, Collection<String> tenantIds) {
        return TenantConnection.connectedAmong(partnerId, tenantIds);
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
