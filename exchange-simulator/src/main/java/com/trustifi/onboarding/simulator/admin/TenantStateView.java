package com.trustifi.onboarding.simulator.admin;

import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tenant's whole state as the admin endpoint shows it, for tests and operators. */
final class TenantStateView {

    private TenantStateView() {
    }

    static Map<String, Object> of(SimulatedTenant tenant) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("tenantId", tenant.tenantId());
        state.put("initialDomain", tenant.initialDomain());
        state.put("displayName", tenant.displayName());
        state.put("createdDateTime", tenant.createdDateTime());
        state.put("domains", tenant.domains());
        state.put("outboundConnectors", tenant.outboundConnectors().stream().map(OutboundConnector::toExchangeObject).toList());
        state.put("counters", tenant.cmdletCounts());
        return state;
    }
}
