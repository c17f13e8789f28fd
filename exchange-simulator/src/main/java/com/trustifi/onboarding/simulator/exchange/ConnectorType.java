package com.trustifi.onboarding.simulator.exchange;

/** Exchange's TenantConnectorType; constants spelled as Exchange spells them because they travel as JSON strings. */
public enum ConnectorType {
    Partner,
    OnPremises;

    static final String DOTNET_TYPE = "Microsoft.Exchange.Data.TenantConnectorType";
}
