package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Get- and Set-RemoteDomain. */
final class RemoteDomainCmdlets implements CmdletFamily {

    private static final String GET = "Get-RemoteDomain";
    private static final String SET = "Set-RemoteDomain";

    private static final Set<String> GET_PARAMETERS = Set.of("Identity");
    private static final Set<String> SET_PARAMETERS = Set.of("Identity", "TNEFEnabled", "CharacterSet", "NonMimeCharacterSet",
            "AllowedOOFType", "Confirm");

    /** The character sets the EAC offers; Exchange refuses names it does not know. */
    private static final Set<String> CHARACTER_SETS = Set.of("big5", "euc-jp", "euc-kr", "gb2312", "iso-2022-jp", "iso-2022-kr",
            "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
            "iso-8859-9", "iso-8859-13", "iso-8859-15", "koi8-r", "koi8-u", "shift_jis", "us-ascii", "utf-8", "windows-1250",
            "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
            "windows-1258", "windows-874");

    @Override
    public Set<String> cmdletNames() {
        return Set.of(GET, SET);
    }

    @Override
    public List<Map<String, Object>> invoke(String cmdletName, CmdletParameters parameters, CmdletContext context) {
        NamedObjects<RemoteDomain> domains = context.objects().remoteDomains();
        if (cmdletName.equals(GET)) {
            parameters.requireDeclared(GET_PARAMETERS);
            return parameters.has("Identity")
                    ? List.of(existing(parameters, domains, context).toExchangeObject())
                    : domains.all().stream().map(RemoteDomain::toExchangeObject).toList();
        }
        parameters.requireDeclared(SET_PARAMETERS);
        RemoteDomain current = existing(parameters, domains, context);
        RemoteDomain changed = new RemoteDomain(current.guid(), current.name(), current.domainName(),
                parameters.has("TNEFEnabled") ? parameters.optionalBool("TNEFEnabled") : current.tnefEnabled(),
                parameters.has("CharacterSet") ? characterSet(parameters, "CharacterSet") : current.characterSet(),
                parameters.has("NonMimeCharacterSet") ? characterSet(parameters, "NonMimeCharacterSet") : current.nonMimeCharacterSet(),
                parameters.has("AllowedOOFType") ? parameters.enumValue("AllowedOOFType", OofType.class, OofType.DOTNET_TYPE)
                        : current.allowedOofType(),
                context.now());
        domains.replace(current, changed);
        return List.of();
    }

    private static RemoteDomain existing(CmdletParameters parameters, NamedObjects<RemoteDomain> domains, CmdletContext context) {
        String identity = parameters.requiredString("Identity");
        return domains.find(identity).orElseThrow(() -> CmdletException.objectNotFound(identity, context.domainController()));
    }

    private static String characterSet(CmdletParameters parameters, String name) {
        String value = parameters.requiredString(name).trim().toLowerCase(Locale.ROOT);
        if (!CHARACTER_SETS.contains(value)) {
            throw CmdletException.dataValidation("The character set \"" + parameters.string(name) + "\" isn't supported. "
                    + "Specify a valid character set name, for example utf-8 or iso-8859-1.");
        }
        return value;
    }
}
