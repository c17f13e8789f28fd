package com.trustifi.onboarding.simulator.admin;

import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.exchange.AcceptedDomainCmdlets;
import com.trustifi.onboarding.simulator.exchange.InboundConnector;
import com.trustifi.onboarding.simulator.exchange.OutboundConnector;
import com.trustifi.onboarding.simulator.exchange.RemoteDomain;
import com.trustifi.onboarding.simulator.exchange.TransportRule;
import com.trustifi.onboarding.simulator.fault.FaultPlan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's whole state as the admin endpoint shows it, for tests and operators: Exchange objects in the
 * cmdlets' own shape, plus what only the simulator knows (rule propagation, traffic, faults).
 */
final class TenantStateView {

    private TenantStateView() {
    }

    static Map<String, Object> of(SimulatedTenant tenant, FaultPlan faults) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("tenantId", tenant.tenantId());
        state.put("initialDomain", tenant.initialDomain());
        state.put("displayName", tenant.displayName());
        state.put("createdDateTime", tenant.createdDateTime());
        state.put("domains", tenant.domains());
        state.put("organizationConfig", tenant.organizationConfig().toExchangeObject());
        state.put("acceptedDomains", AcceptedDomainCmdlets.toExchangeObjects(tenant.domains()));
        state.put("outboundConnectors", tenant.outboundConnectors().stream().map(OutboundConnector::toExchangeObject).toList());
        state.put("inboundConnectors", tenant.inboundConnectors().stream().map(InboundConnector::toExchangeObject).toList());
        state.put("remoteDomains", tenant.remoteDomains().stream().map(RemoteDomain::toExchangeObject).toList());
        state.put("transportRules", transportRules(tenant.transportRules()));
        state.put("counters", tenant.cmdletCounts());
        state.put("maxInFlight", tenant.maxInFlight());
        state.put("tokenRequests", tenant.tokenRequests());
        state.put("faults", faults.ofTenant(tenant.tenantId()).orElse(null));
        state.put("callLog", tenant.callLog());
        return state;
    }

    /** Each rule as Get-TransportRule shows it, plus when its last change takes effect. */
    private static List<Map<String, Object>> transportRules(List<TransportRule> rules) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> views = new ArrayList<>();
        for (int priority = 0; priority < rules.size(); priority++) {
            TransportRule rule = rules.get(priority);
            Map<String, Object> view = rule.toExchangeObject(priority);
            view.put("effectiveAt", rule.effectiveAt());
            view.put("effective", rule.effective(now));
            views.add(view);
        }
        return views;
    }
}
