package com.trustifi.onboarding.simulator.exchange;

/** Where a transport rule looks for the sender address. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum SenderAddressLocation {
    Header,
    Envelope,
    HeaderOrEnvelope;

    static final String DOTNET_TYPE = "Microsoft.Exchange.MessagingPolicies.Rules.SenderAddressLocation";
}
