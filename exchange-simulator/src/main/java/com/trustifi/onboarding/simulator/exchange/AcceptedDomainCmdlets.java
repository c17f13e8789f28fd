package com.trustifi.onboarding.simulator.exchange;

import com.trustifi.onboarding.simulator.DomainSpec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Get-AcceptedDomain: the tenant's verified domains as Exchange accepts mail for them. Read only. */
public final class AcceptedDomainCmdlets implements CmdletFamily {

    private static final String GET = "Get-AcceptedDomain";

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET);
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        parameters.requireDeclared(Set.of("Identity"));
        if (!parameters.has("Identity")) {
            return toExchangeObjects(context.domains());
        }
        List<DomainSpec> accepted = context.domains().stream().filter(DomainSpec::verified).toList();
        String identity = parameters.requiredString("Identity").trim();
        return List.of(accepted.stream()
                .filter(d -> d.name().equalsIgnoreCase(identity))
                .findFirst()
                .map(AcceptedDomainCmdlets::toExchangeObject)
                .orElseThrow(() -> CmdletException.objectNotFound(identity, context.domainController())));
    }

    /** The accepted domains of a tenant with these domains: only verified domains are accepted. */
    public static List<Map<String, Object>> toExchangeObjects(List<DomainSpec> domains) {
        return domains.stream().filter(DomainSpec::verified).map(AcceptedDomainCmdlets::toExchangeObject).toList();
    }

    private static Map<String, Object> toExchangeObject(DomainSpec domain) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", domain.name());
        object.put("Name", domain.name());
        object.put("DomainName", domain.name());
        object.put("DomainType", domain.acceptedDomainType());
        object.put("Default", domain.isDefault());
        // Stable per domain, so repeated reads agree as Exchange's would.
        object.put("Guid", UUID.nameUUIDFromBytes(domain.name().getBytes(StandardCharsets.UTF_8)).toString());
        return object;
    }
}
