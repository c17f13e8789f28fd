package com.trustifi.onboarding.simulator.exchange;

/** What a transport rule does when it cannot be applied to a message. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum RuleErrorAction {
    Ignore,
    Defer;

    static final String DOTNET_TYPE = "Microsoft.Exchange.MessagingPolicies.Rules.RuleErrorAction";
}
