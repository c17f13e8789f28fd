package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.exchange.TransportRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A simulated tenant's Exchange objects as tests compare them before and after a command. */
public final class ExchangeState {

    private ExchangeState() {
    }

    /** Everything the relay profile touches, as Get- cmdlets would show it, without change timestamps. */
    public static Map<String, Object> of(SimulatedTenant tenant) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("outbound", tenant.outboundConnectors().stream().map(c -> stable(c.toExchangeObject())).toList());
        state.put("inbound", tenant.inboundConnectors().stream().map(c -> stable(c.toExchangeObject())).toList());
        state.put("remoteDomain", stable(tenant.remoteDomain("Default").orElseThrow().toExchangeObject()));
        List<TransportRule> rules = tenant.transportRules();
        state.put("rules", IntStream.range(0, rules.size()).mapToObj(i -> stable(rules.get(i).toExchangeObject(i))).toList());
        return state;
    }

    /** The object without what changes with every write: when it was created and changed. */
    public static Map<String, Object> stable(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.keySet().removeIf(key -> key.startsWith("WhenChanged") || key.startsWith("WhenCreated"));
        return copy;
    }

    /** Writes by cmdlet, as the simulator counted them. */
    public static Map<String, Long> writes(SimulatedTenant tenant) {
        Map<String, Long> writes = new LinkedHashMap<>();
        tenant.cmdletCounts().forEach((cmdlet, count) -> writes.put(cmdlet, count.writes()));
        return writes;
    }

    /** The tenant's first custom domain, which is its relay domain in the scenarios. */
    public static String customDomainOf(SimulatedTenant tenant) {
        return tenant.domains().stream().map(DomainSpec::name).filter(name -> !name.endsWith(".onmicrosoft.com")).findFirst().orElseThrow();
    }
}
