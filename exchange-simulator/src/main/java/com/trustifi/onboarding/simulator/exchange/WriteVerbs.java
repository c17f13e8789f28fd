package com.trustifi.onboarding.simulator.exchange;

import java.util.Locale;
import java.util.Set;

/** Which cmdlets change state, judged by their verb as Exchange's own auditing does. */
public final class WriteVerbs {

    private static final Set<String> VERBS = Set.of("new", "set", "remove", "enable", "disable", "add");

    private WriteVerbs() {
    }

    public static boolean includes(String cmdletName) {
        int dash = cmdletName.indexOf('-');
        return dash > 0 && VERBS.contains(cmdletName.substring(0, dash).toLowerCase(Locale.ROOT));
    }
}
