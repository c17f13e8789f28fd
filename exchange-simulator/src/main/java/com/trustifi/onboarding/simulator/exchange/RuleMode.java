package com.trustifi.onboarding.simulator.exchange;

/** A transport rule's -Mode: enforce, or only audit. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum RuleMode {
    Audit,
    AuditAndNotify,
    Enforce;

    static final String DOTNET_TYPE = "Microsoft.Exchange.MessagingPolicies.Rules.RuleMode";
}
