package com.trustifi.onboarding.worker.exchange;

/**
 * The named Exchange objects the relay profile owns or changes, with the cmdlets that read and write them. A tenant-wide
 * object (the Default remote domain) is only read and set: it has no create or remove cmdlet.
 */
public enum ExchangeObjectKind {
    OUTBOUND_CONNECTOR(Cmdlet.GET_OUTBOUND_CONNECTOR, Cmdlet.NEW_OUTBOUND_CONNECTOR, Cmdlet.SET_OUTBOUND_CONNECTOR,
            Cmdlet.REMOVE_OUTBOUND_CONNECTOR),
    INBOUND_CONNECTOR(Cmdlet.GET_INBOUND_CONNECTOR, Cmdlet.NEW_INBOUND_CONNECTOR, Cmdlet.SET_INBOUND_CONNECTOR,
            Cmdlet.REMOVE_INBOUND_CONNECTOR),
    TRANSPORT_RULE(Cmdlet.GET_TRANSPORT_RULE, Cmdlet.NEW_TRANSPORT_RULE, Cmdlet.SET_TRANSPORT_RULE, Cmdlet.REMOVE_TRANSPORT_RULE),
    REMOTE_DOMAIN(Cmdlet.GET_REMOTE_DOMAIN, null, Cmdlet.SET_REMOTE_DOMAIN, null);

    private final Cmdlet get;
    private final Cmdlet create;
    private final Cmdlet update;
    private final Cmdlet remove;

    ExchangeObjectKind(Cmdlet get, Cmdlet create, Cmdlet update, Cmdlet remove) {
        this.get = get;
        this.create = create;
        this.update = update;
        this.remove = remove;
    }

    public Cmdlet get() {
        return get;
    }

    public Cmdlet create() {
        return create;
    }

    public Cmdlet update() {
        return update;
    }

    public Cmdlet remove() {
        return remove;
    }
}
