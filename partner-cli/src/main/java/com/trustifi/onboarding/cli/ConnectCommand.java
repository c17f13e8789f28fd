package com.trustifi.onboarding.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Prints a connect link for a tenant: Microsoft's sign-in, then its admin-consent page for the app.",
                "Send it to the tenant's Global Administrator; signing in and consenting there connects the tenant to you, and "
                        + "only then can you onboard it. The link works once and expires."})
final class ConnectCommand implements Callable<Integer> {

    @ParentCommand
    private PartnerCli cli;

    @Parameters(paramLabel = "TENANT_ID", description = "The tenant's id (GUID)")
    private String tenantId;

    @Override
    public Integer call() {
        ConnectLink link = cli.api().connectLink(tenantId.trim());
        cli.out().println(link.consentUrl());
        cli.err().println("Send this link to the Global Administrator of " + tenantId.trim() + "; it works once, until "
                + link.expiresAt() + ".");
        return ExitCodes.ALL_SUCCEEDED;
    }
}
