package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cmdlets of one Exchange object type (Get-/New-/Set-/Remove-X). Adding an object type means adding one
 * implementation and registering it in {@link CmdletCatalog}.
 */
public interface CmdletFamily {

    /** Canonical cmdlet names, e.g. {@code Get-OutboundConnector}; lookups are case-insensitive. */
    Set<String> cmdletNames();

    /**
     * Whether a dehydrated tenant refuses this cmdlet until Enable-OrganizationCustomization has run.
     * Exchange refuses changes to tenant-wide configuration objects; reads are always allowed.
     */
    default boolean needsCustomization(String cmdletName) {
        return WriteVerbs.includes(cmdletName);
    }

    /**
     * Runs one cmdlet while the caller holds the tenant's lock.
     *
     * @return the objects for the response's {@code value}; empty for cmdlets that output nothing
     * @throws CmdletException for anything Exchange would report as a cmdlet error
     */
    List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context);
}
