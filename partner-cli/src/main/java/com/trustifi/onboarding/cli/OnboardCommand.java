package com.trustifi.onboarding.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "onboard", mixinStandardHelpOptions = true,
        description = {"Submits a CSV of tenants as one batch, follows it until every tenant is final and writes one result line "
                + "per tenant.",
                "CSV columns: tenantId, relayDomains (separated by ;), relayAccountId, testRecipient, profile (OLDER_TENANT or ALL_TENANTS).",
                "Running it again on the same CSV within 24 hours follows the first batch instead of submitting a second."})
final class OnboardCommand implements Callable<Integer> {

    @ParentCommand
    private PartnerCli cli;

    @Mixin
    private Polling polling;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The tenants, one per line after a header")
    private Path csv;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where the results go; default <csv name>-results.csv beside the CSV")
    private Path results;

    @Option(names = "--relay-account", paramLabel = "UUID", description = "The relay account of every row that names none")
    private UUID relayAccount;

    @Override
    public Integer call() {
        TenantCsv tenants = TenantCsv.parse(read(csv));
        OnboardingApi api = cli.api();
        String key = IdempotencyKey.of("onboard", relayAccount == null ? "" : relayAccount.toString(), tenants.text());
        cli.err().println("Submitting " + tenants.tenantIds().size() + " tenants from " + csv + " to " + api.baseUrl());
        BatchReceipt receipt = api.submitCsv(tenants.text(), relayAccount, key);
        return cli.outcome(api, polling.interval()).follow(receipt, tenants.tenantIds(), results != null ? results : resultsBeside(csv));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("The CSV " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static Path resultsBeside(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + "-results.csv");
    }
}
