package com.trustifi.onboarding.simulator.exchange;

/** A transport rule's -FromScope condition. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum FromScope {
    InOrganization,
    NotInOrganization;

    static final String DOTNET_TYPE = "Microsoft.Exchange.MessagingPolicies.Rules.FromUserScope";
}
