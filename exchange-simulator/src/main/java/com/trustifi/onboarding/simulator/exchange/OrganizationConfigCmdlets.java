package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Get-OrganizationConfig and Enable-OrganizationCustomization. */
final class OrganizationConfigCmdlets implements CmdletFamily {

    private static final String GET = "Get-OrganizationConfig";
    private static final String ENABLE = "Enable-OrganizationCustomization";

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET, ENABLE);
    }

    /** Enable-OrganizationCustomization is the one change a dehydrated tenant accepts. */
    @Override
    public boolean needsCustomization(String cmdletName) {
        return false;
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        OrganizationConfig config = context.objects().organizationConfig();
        if (cmdletName.equals(GET)) {
            parameters.requireDeclared(Set.of("Identity"));
            return List.of(config.toExchangeObject());
        }
        parameters.requireDeclared(Set.of("Confirm"));
        if (!config.isDehydrated()) {
            throw CmdletException.alreadyCustomized();
        }
        context.objects().organizationConfig(config.customized(context.now()));
        return List.of();
    }
}
