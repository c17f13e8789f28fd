package com.trustifi.onboarding.simulator.exchange;

/** A transport rule's -SetAuditSeverity. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum AuditSeverity {
    DoNotAudit,
    Low,
    Medium,
    High;

    static final String DOTNET_TYPE = "Microsoft.Exchange.MessagingPolicies.Rules.AuditSeverityLevel";
}
