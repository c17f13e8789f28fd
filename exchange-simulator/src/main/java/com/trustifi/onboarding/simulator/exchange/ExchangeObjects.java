package com.trustifi.onboarding.simulator.exchange;

/**
 * The Exchange configuration objects of one tenant, one store per object type.
 * A new object type adds its store here and a {@link CmdletFamily} that works on it.
 * Not thread-safe: guarded by the owning tenant's lock.
 */
public final class ExchangeObjects {

    private final OutboundConnectors outboundConnectors = new OutboundConnectors();

    public OutboundConnectors outboundConnectors() {
        return outboundConnectors;
    }
}
