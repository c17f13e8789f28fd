package com.trustifi.onboarding.simulator.exchange;

/** Exchange's TenantConnectorSource: who made a connector. Constants spelled as Exchange spells them. */
public enum ConnectorSource {
    Default,
    Migrated,
    HybridWizard;

    static final String DOTNET_TYPE = "Microsoft.Exchange.Data.TenantConnectorSource";
}
