package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.exchange.CmdletCounters;
import com.trustifi.onboarding.simulator.exchange.ExchangeObjects;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tenant: its directory facts (fixed at creation) and its Exchange objects (changed by cmdlets).
 * Exchange objects and counters are guarded by this tenant's own lock, so tenants never contend with each other.
 */
public final class SimulatedTenant {

    private static final List<String> INITIAL_DOMAIN_SERVICES = List.of("Email", "OfficeCommunicationsOnline");

    private final String tenantId;
    private final String initialDomain;
    private final String displayName;
    private final OffsetDateTime createdDateTime;
    private final List<DomainSpec> domains;

    private final Object lock = new Object();
    private final ExchangeObjects exchangeObjects = new ExchangeObjects();
    private final CmdletCounters counters = new CmdletCounters();

    private SimulatedTenant(String tenantId, String initialDomain, String displayName,
                            OffsetDateTime createdDateTime, List<DomainSpec> domains) {
        this.tenantId = tenantId;
        this.initialDomain = initialDomain;
        this.displayName = displayName;
        this.createdDateTime = createdDateTime;
        this.domains = domains;
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
        return new SimulatedTenant(tenantId, initialDomain, displayName, created, domainsOf(initialDomain, spec.domains()));
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

    /**
     * Runs one Exchange cmdlet against this tenant's objects while holding the tenant's lock,
     * counting the call first so that failed calls are visible in the counters too.
     */
    public <T> T invokeCmdlet(String cmdletName, Function<ExchangeObjects, T> cmdlet) {
        synchronized (lock) {
            counters.record(cmdletName);
            return cmdlet.apply(exchangeObjects);
        }
    }

    public List<OutboundConnector> outboundConnectors() {
        synchronized (lock) {
            return exchangeObjects.outboundConnectors().all();
        }
    }

    /** Calls and writes per cmdlet name, in the order cmdlets were first called. */
    public Map<String, CmdletCount> cmdletCounts() {
        synchronized (lock) {
            return counters.snapshot();
        }
    }

    @Override
    public String toString() {
        return "SimulatedTenant[" + tenantId + ", " + initialDomain + "]";
    }
}
