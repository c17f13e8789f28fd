package com.trustifi.onboarding.worker.exchange;

/** The named Exchange objects the relay profile owns, with their cmdlet nouns. */
public enum ExchangeObjectKind {
    OUTBOUND_CONNECTOR("OutboundConnector"),
    INBOUND_CONNECTOR("InboundConnector"),
    TRANSPORT_RULE("TransportRule");

    private final String noun;

    ExchangeObjectKind(String noun) {
        this.noun = noun;
    }

    public String get() {
        return "Get-" + noun;
    }

    public String create() {
        return "New-" + noun;
    }

    public String update() {
        return "Set-" + noun;
    }

    public String remove() {
        return "Remove-" + noun;
    }
}
