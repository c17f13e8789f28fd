package com.trustifi.onboarding.simulator.exchange;

/**
 * The Exchange configuration objects of one tenant, one store per object type.
 * A new object type adds its store here and a {@link CmdletFamily} that works on it.
 * Not thread-safe: guarded by the owning tenant's lock.
 */
public final class ExchangeObjects {

    private final NamedObjects<OutboundConnector> outboundConnectors = new NamedObjects<>();
    private final NamedObjects<InboundConnector> inboundConnectors = new NamedObjects<>();
    /** In priority order: position 0 is priority 0. */
    private final NamedObjects<TransportRule> transportRules = new NamedObjects<>();
    private final NamedObjects<RemoteDomain> remoteDomains = new NamedObjects<>();
    private OrganizationConfig organizationConfig;

    /** Every tenant starts with the Default remote domain, as every Exchange Online organization does. */
    public ExchangeObjects(OrganizationConfig organizationConfig) {
        this.organizationConfig = organizationConfig;
        remoteDomains.add(RemoteDomain.defaultDomain(organizationConfig.whenCreated()));
    }

    public NamedObjects<OutboundConnector> outboundConnectors() {
        return outboundConnectors;
    }

    public NamedObjects<InboundConnector> inboundConnectors() {
        return inboundConnectors;
    }

    public NamedObjects<TransportRule> transportRules() {
        return transportRules;
    }

    public NamedObjects<RemoteDomain> remoteDomains() {
        return remoteDomains;
    }

    public OrganizationConfig organizationConfig() {
        return organizationConfig;
    }

    public void organizationConfig(OrganizationConfig changed) {
        this.organizationConfig = changed;
    }
}
