package com.trustifi.onboarding.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Per-cmdlet call and write counts of one tenant. Not thread-safe: guarded by the owning tenant's lock. */
public final class CmdletCounters {

    private static final Set<String> WRITE_VERBS = Set.of("new", "set", "remove", "enable", "disable", "add");

    private final Map<String, CmdletCount> counts = new LinkedHashMap<>();

    public void record(String cmdletName) {
        long write = isWrite(cmdletName) ? 1 : 0;
        counts.merge(cmdletName, new CmdletCount(1, write),
                (old, add) -> new CmdletCount(old.calls() + add.calls(), old.writes() + add.writes()));
    }

    public Map<String, CmdletCount> snapshot() {
        return new LinkedHashMap<>(counts);
    }

    private static boolean isWrite(String cmdletName) {
        int dash = cmdletName.indexOf('-');
        return dash > 0 && WRITE_VERBS.contains(cmdletName.substring(0, dash).toLowerCase(Locale.ROOT));
    }
}
