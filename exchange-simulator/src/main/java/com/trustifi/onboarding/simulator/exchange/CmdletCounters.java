package com.trustifi.onboarding.simulator.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-cmdlet call, write and fault counts of one tenant. Not thread-safe: guarded by the owner. */
public final class CmdletCounters {

    private final Map<String, CmdletCount> counts = new LinkedHashMap<>();

    public void recordCall(String cmdletName) {
        add(cmdletName, new CmdletCount(1, WriteVerbs.includes(cmdletName) ? 1 : 0, 0));
    }

    public void recordFault(String cmdletName) {
        add(cmdletName, new CmdletCount(0, 0, 1));
    }

    public Map<String, CmdletCount> snapshot() {
        return new LinkedHashMap<>(counts);
    }

    private void add(String cmdletName, CmdletCount delta) {
        counts.merge(cmdletName, delta,
                (old, add) -> new CmdletCount(old.calls() + add.calls(), old.writes() + add.writes(), old.faults() + add.faults()));
    }
}
