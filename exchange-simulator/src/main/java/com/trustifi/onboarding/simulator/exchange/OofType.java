package com.trustifi.onboarding.simulator.exchange;

/** A remote domain's -AllowedOOFType. Constants spelled as Exchange spells them because they travel as JSON strings. */
public enum OofType {
    External,
    ExternalLegacy,
    InternalLegacy,
    None;

    static final String DOTNET_TYPE = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedOOFType";
}
