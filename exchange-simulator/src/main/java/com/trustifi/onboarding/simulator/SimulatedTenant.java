package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.exchange.CallRecord;
import com.trustifi.onboarding.simulator.exchange.CallTraffic;
import com.trustifi.onboarding.simulator.exchange.CmdletCatalog;
import com.trustifi.onboarding.simulator.exchange.CmdletContext;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.exchange.CmdletException;
import com.trustifi.onboarding.simulator.exchange.CmdletParameters;
import com.trustifi.onboarding.simulator.exchange.ErrorShape;
import com.trustifi.onboarding.simulator.exchange.ExchangeObjects;
import com.trustifi.onboarding.simulator.exchange.InboundConnector;
import com.trustifi.onboarding.simulator.exchange.OrganizationConfig;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;
import com.trustifi.onboarding.simulator.exchange.RemoteDomain;
import com.trustifi.onboarding.simulator.exchange.TransportRule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One tenant: its directory facts (fixed at creation) and its Exchange objects (changed by cmdlets).
 * Exchange objects are guarded by this tenant's own lock, so tenants never contend with each other; call traffic
 * is counted apart from that lock.
 */
public final class SimulatedTenant {

    private static final List<String> INITIAL_DOMAIN_SERVICES = List.of("Email", "OfficeCommunicationsOnline");

    private final String tenantId;
    private final String initialDomain;
    private final String displayName;
    private final OffsetDateTime createdDateTime;
    private final List<DomainSpec> domains;

    private final String domainController;

    private final Object lock = new Object();
    private final ExchangeObjects exchangeObjects;
    private final CallTraffic traffic = new CallTraffic();
    /** Granted unless a test or the demo says otherwise: most tenants in a simulation have the app installed. */
    private volatile AppConsent appConsent = AppConsent.GRANTED;
    /** Whether the app's service principal holds the Exchange Administrator role, which Exchange.ManageAsApp needs. */
    private volatile boolean exchangeRoleAssigned = true;
    /** The 2026 envelope unless a test asks for the 2023 one, to prove a client reads both. */
    private volatile ErrorShape errorShape = ErrorShape.CURRENT;
    /** Who can sign in to the tenant, by user principal name. */
    private final Map<String, DirectoryUser> users = new java.util.concurrent.ConcurrentHashMap<>();

    private SimulatedTenant(String tenantId, String initialDomain, String displayName,
                            OffsetDateTime createdDateTime, List<DomainSpec> domains) {
        this.tenantId = tenantId;
        this.initialDomain = initialDomain;
        this.displayName = displayName;
        this.createdDateTime = createdDateTime;
        this.domains = domains;
        this.domainController = "SIM" + tenantId.substring(0, 6).toUpperCase(Locale.ROOT) + "DC01.SIMPR01A001.PROD.OUTLOOK.COM";
        UUID organizationGuid = UUID.nameUUIDFromBytes(("organization-" + tenantId).getBytes(StandardCharsets.UTF_8));
        this.exchangeObjects = new ExchangeObjects(
                new OrganizationConfig(organizationGuid, initialDomain, displayName, false, createdDateTime, createdDateTime));
        addUser(DirectoryUser.defaultAdministrator(initialDomain));
    }

    /** Validates the spec and fills its defaults; throws IllegalArgumentException for a spec Entra could not hold. */
    public static SimulatedTenant from(TenantSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("tenant spec is required");
        }
        String tenantId = parseTenantId(spec.tenantId());
        if (spec.initialDomain() == null || spec.initialDomain().isBlank()) {
            throw new IllegalArgumentException("initialDomain is required");
        }
        String initialDomain = spec.initialDomain().trim().toLowerCase(Locale.ROOT);
        String displayName = spec.displayName() == null || spec.displayName().isBlank()
                ? initialDomain.substring(0, initialDomain.indexOf('.') < 0 ? initialDomain.length() : initialDomain.indexOf('.'))
                : spec.displayName();
        OffsetDateTime created = spec.createdDateTime() == null
                ? OffsetDateTime.now(ZoneOffset.UTC).withNano(0)
                : spec.createdDateTime();
        SimulatedTenant tenant = new SimulatedTenant(tenantId, initialDomain, displayName, created, domainsOf(initialDomain, spec.domains()));
        tenant.configure(spec.configuration(), spec.dehydrated());
        return tenant;
    }

    /**
     * Builds the existing configuration with the same cmdlets a client would use, already in effect (no propagation
     * delay), and only then dehydrates: a dehydrated tenant would refuse the cmdlets that describe it.
     */
    private void configure(List<CmdletInvocation> configuration, boolean dehydrated) {
        CmdletCatalog catalog = CmdletCatalog.standard();
        for (int i = 0; i < configuration.size(); i++) {
            CmdletInvocation step = configuration.get(i);
            try {
                run(catalog, step.cmdletName(), CmdletParameters.of(step.parameters()), Duration.ZERO);
            } catch (CmdletException e) {
                throw new IllegalArgumentException("configuration[" + i + "] " + step.cmdletName() + " failed: " + e.getMessage(), e);
            }
        }
        if (dehydrated) {
            OrganizationConfig config = exchangeObjects.organizationConfig();
            exchangeObjects.organizationConfig(new OrganizationConfig(config.guid(), config.name(), config.displayName(), true,
                    config.whenCreated(), config.whenChanged()));
        }
    }

    private static String parseTenantId(String tenantId) {
        try {
            return UUID.fromString(tenantId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("tenantId must be a GUID: " + tenantId);
        }
    }

    /** The initial domain always comes first; it becomes the default when no other domain claims to be. */
    private static List<DomainSpec> domainsOf(String initialDomain, List<DomainSpec> specified) {
        List<DomainSpec> given = specified == null ? List.of() : specified;
        DomainSpec initial = given.stream()
                .filter(d -> d.name().equals(initialDomain))
                .findFirst()
                .orElse(new DomainSpec(initialDomain, true, false, INITIAL_DOMAIN_SERVICES, "Authoritative"));
        List<DomainSpec> all = new ArrayList<>();
        all.add(initial);
        Set<String> seen = new HashSet<>(Set.of(initialDomain));
        for (DomainSpec domain : given) {
            if (domain.name().equals(initialDomain)) {
                continue;
            }
            if (!seen.add(domain.name())) {
                throw new IllegalArgumentException("domain listed twice: " + domain.name());
            }
            all.add(domain);
        }
        long defaults = all.stream().filter(DomainSpec::isDefault).count();
        if (defaults > 1) {
            throw new IllegalArgumentException("only one domain can be the default");
        }
        if (defaults == 0) {
            all.set(0, initial.asDefault(true));
        }
        return List.copyOf(all);
    }

    public String tenantId() {
        return tenantId;
    }

    public String initialDomain() {
        return initialDomain;
    }

    public String displayName() {
        return displayName;
    }

    public OffsetDateTime createdDateTime() {
        return createdDateTime;
    }

    /** All domains, the initial domain first. */
    public List<DomainSpec> domains() {
        return domains;
    }

    /** Every name a client may use to address this tenant: its GUID and each domain, lower-case. */
    public Set<String> names() {
        Set<String> names = new HashSet<>();
        names.add(tenantId);
        domains.forEach(d -> names.add(d.name()));
        return names;
    }

    /** The server name Exchange puts into "couldn't be found on ..." messages; stable per tenant. */
    public String domainController() {
        return domainController;
    }

    /**
     * Runs one Exchange cmdlet against this tenant's objects while holding the tenant's lock. Counting is the caller's
     * business: an administrator's edit is not traffic.
     *
     * @throws CmdletException for anything Exchange would report as a cmdlet error
     */
    public List<Map<String, Object>> run(CmdletCatalog catalog, String cmdletName, CmdletParameters parameters,
                                         Duration transportRulePropagationDelay) {
        synchronized (lock) {
            CmdletContext context = new CmdletContext(exchangeObjects, domains, domainController,
                    OffsetDateTime.now(ZoneOffset.UTC), transportRulePropagationDelay);
            return catalog.invoke(cmdletName, parameters, context);
        }
    }

    /** In-flight calls, counters, call log and token requests. */
    /**
     * Adds (or replaces) a user who can sign in to this tenant.
     *
     * @throws IllegalArgumentException when the user's domain is not one of the tenant's
     */
    public DirectoryUser addUser(DirectoryUser user) {
        if (!names().contains(user.domain())) {
            throw new IllegalArgumentException("user " + user.userPrincipalName() + " is not in a domain of tenant " + tenantId);
        }
        users.put(user.userPrincipalName(), user);
        return user;
    }

    /** The Global Administrator the tenant was created with, {@code admin@<initial domain>}. */
    public String administrator() {
        return DirectoryUser.defaultAdministrator(initialDomain).userPrincipalName();
    }

    public Optional<DirectoryUser> user(String userPrincipalName) {
        return Optional.ofNullable(userPrincipalName).map(upn -> users.get(upn.trim().toLowerCase(Locale.ROOT)));
    }

    public AppConsent appConsent() {
        return appConsent;
    }

    /** What the tenant's administrator did about the app: granted consent (the consent page), or withdrew it. */
    public void appConsent(AppConsent consent) {
        this.appConsent = java.util.Objects.requireNonNull(consent, "consent");
    }

    public boolean exchangeRoleAssigned() {
        return exchangeRoleAssigned;
    }

    /** Assigns or removes the Exchange Administrator role of the app's service principal, as the tenant's administrator would. */
    public void exchangeRoleAssigned(boolean assigned) {
        this.exchangeRoleAssigned = assigned;
    }

    public ErrorShape errorShape() {
        return errorShape;
    }

    /** Which error envelope this tenant's InvokeCommand failures are written in. */
    public void errorShape(ErrorShape shape) {
        this.errorShape = java.util.Objects.requireNonNull(shape, "shape");
    }

    public CallTraffic traffic() {
        return traffic;
    }

    public List<OutboundConnector> outboundConnectors() {
        synchronized (lock) {
            return exchangeObjects.outboundConnectors().all();
        }
    }

    public List<InboundConnector> inboundConnectors() {
        synchronized (lock) {
            return exchangeObjects.inboundConnectors().all();
        }
    }

    /** In priority order: the rule at index 0 has priority 0. */
    public List<TransportRule> transportRules() {
        synchronized (lock) {
            return exchangeObjects.transportRules().all();
        }
    }

    public List<RemoteDomain> remoteDomains() {
        synchronized (lock) {
            return exchangeObjects.remoteDomains().all();
        }
    }

    /** A remote domain by name or GUID, e.g. {@code remoteDomain(RemoteDomain.DEFAULT)}. */
    public Optional<RemoteDomain> remoteDomain(String identity) {
        synchronized (lock) {
            return exchangeObjects.remoteDomains().find(identity);
        }
    }

    public OrganizationConfig organizationConfig() {
        synchronized (lock) {
            return exchangeObjects.organizationConfig();
        }
    }

    /** Calls, writes and injected faults per cmdlet name, in the order cmdlets were first called. */
    public Map<String, CmdletCount> cmdletCounts() {
        return traffic.counts();
    }

    /** The most InvokeCommand requests of this tenant ever in flight at once. */
    public int maxInFlight() {
        return traffic.maxInFlight();
    }

    /** The last 1,000 calls, oldest first. */
    public List<CallRecord> callLog() {
        return traffic.log();
    }

    /** Token requests that named this tenant, whatever their outcome. */
    public long tokenRequests() {
        return traffic.tokenRequests();
    }

    @Override
    public String toString() {
        return "SimulatedTenant[" + tenantId + ", " + initialDomain + "]";
    }
}
