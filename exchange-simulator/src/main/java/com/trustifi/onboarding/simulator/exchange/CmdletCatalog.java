package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds the family that implements a cmdlet name, case-insensitively as PowerShell does, and runs it. */
public final class CmdletCatalog {

    private final Map<String, CmdletFamily> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> canonicalNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public CmdletCatalog(List<CmdletFamily> families) {
        for (CmdletFamily family : families) {
            for (String name : family.cmdletNames()) {
                if (byName.putIfAbsent(name, family) != null) {
                    throw new IllegalArgumentException("cmdlet registered twice: " + name);
                }
                canonicalNames.put(name, name);
            }
        }
    }

    /** The cmdlets this simulator knows today. */
    public static CmdletCatalog standard() {
        return new CmdletCatalog(List.of(new OrganizationConfigCmdlets(), new AcceptedDomainCmdlets(), new OutboundConnectorCmdlets(),
                new InboundConnectorCmdlets(), new RemoteDomainCmdlets(), new TransportRuleCmdlets()));
    }

    /** The catalog's spelling of a known cmdlet, so counters are not split by caller spelling. */
    public String canonicalName(String cmdletName) {
        return canonicalNames.getOrDefault(cmdletName, cmdletName);
    }

    /**
     * Runs a cmdlet while the caller holds the tenant's lock, refusing changes on a dehydrated tenant first,
     * as Exchange does before it even looks at the parameters.
     */
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        CmdletFamily family = byName.get(cmdletName);
        if (family == null) {
            throw CmdletException.commandNotFound(cmdletName);
        }
        if (context.objects().organizationConfig().isDehydrated() && family.needsCustomization(cmdletName)) {
            throw CmdletException.notCustomized();
        }
        return family.invoke(canonicalName(cmdletName), parameters, context);
    }
}
