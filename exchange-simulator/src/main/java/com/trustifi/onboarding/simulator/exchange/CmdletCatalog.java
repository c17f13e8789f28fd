package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Finds the family that implements a cmdlet name, case-insensitively as PowerShell does. */
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
        return new CmdletCatalog(List.of(new OutboundConnectorCmdlets()));
    }

    public Optional<CmdletFamily> family(String cmdletName) {
        return Optional.ofNullable(byName.get(cmdletName));
    }

    /** The catalog's spelling of a known cmdlet, so counters are not split by caller spelling. */
    public String canonicalName(String cmdletName) {
        return canonicalNames.getOrDefault(cmdletName, cmdletName);
    }
}
