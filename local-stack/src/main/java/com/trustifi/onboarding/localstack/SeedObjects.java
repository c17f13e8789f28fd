package com.trustifi.onboarding.localstack;

import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.exchange.TransportRule;
import java.util.List;
import java.util.Map;

/**
 * Whether a tenant holds exactly the objects the seed asks for, as Get- cmdlets show them: one outbound and one
 * inbound connector, the Default remote domain's settings and one relay rule sending the account's secret.
 */
final class SeedObjects {

    private SeedObjects() {
    }

    static boolean holds(SimulatedTenant tenant, String relayDomain, String relaySecret) {
        if (tenant.outboundConnectors().size() != 1 || tenant.inboundConnectors().size() != 1) {
            return false;
        }
        Map<String, Object> outbound = tenant.outboundConnectors().get(0).toExchangeObject();
        Map<String, Object> inbound = tenant.inboundConnectors().get(0).toExchangeObject();
        Map<String, Object> remoteDomain = tenant.remoteDomain("Default").map(domain -> domain.toExchangeObject()).orElse(Map.of());
        List<TransportRule> rules = tenant.transportRules().stream().filter(rule -> rule.name().equals("Trustifi Outbound Relay")).toList();
        if (rules.size() != 1) {
            return false;
        }
        Map<String, Object> rule = rules.get(0).toExchangeObject(tenant.transportRules().indexOf(rules.get(0)));
        return has(outbound, Map.of("Name", "Trustifi Outbound Connector (Send)", "ConnectorType", "OnPremises",
                        "SmartHosts", List.of("smtp.trustifi.com"), "TlsSettings", "DomainValidation", "TlsDomain", "*.trustifi.com",
                        "IsTransportRuleScoped", true, "UseMXRecord", false, "Enabled", true))
                && has(inbound, Map.of("Name", "Trustifi Inbound Connector (Receive)", "ConnectorType", "OnPremises",
                        "SenderDomains", List.of("smtp:*;1"), "CloudServicesMailEnabled", true, "Enabled", true))
                && has(remoteDomain, Map.of("TNEFEnabled", false, "CharacterSet", "utf-8", "NonMimeCharacterSet", "utf-8",
                        "AllowedOOFType", "ExternalLegacy"))
                && has(rule, Map.of("SenderDomainIs", List.of(relayDomain), "FromScope", "InOrganization",
                        "RouteMessageOutboundConnector", "Trustifi Outbound Connector (Send)", "SetHeaderName", "x-trustifi-creds",
                        "SetHeaderValue", relaySecret, "StopRuleProcessing", true, "RuleErrorAction", "Defer", "Mode", "Enforce",
                        "State", "Enabled"));
    }

    private static boolean has(Map<String, Object> object, Map<String, Object> expected) {
        return expected.entrySet().stream().allMatch(entry -> entry.getValue().equals(object.get(entry.getKey())));
    }
}
