package com.trustifi.onboarding.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "retry-failed", mixinStandardHelpOptions = true,
        description = {"Submits the FAILED tenants of a batch again, as a new batch with the same requests, and follows it like "
                + "onboard.",
                "Fix what the failures' remediation says first. Running it again within 24 hours, while the same tenants are "
                        + "failed, follows the batch it submitted the first time."})
final class RetryFailedCommand implements Callable<Integer> {

    @ParentCommand
    private PartnerCli cli;

    @Mixin
    private Polling polling;

    @Parameters(paramLabel = "BATCH_ID", description = "The batch whose failed tenants are submitted again")
    private UUID batchId;

    @Option(names = "--results", paramLabel = "FILE", description = "Where the results go; default batch-<id>-retry-results.csv")
    private Path results;

    @Override
    public Integer call() {
        OnboardingApi api = cli.api();
        api.batch(batchId).orElseThrow(() -> CliFailure.usage("The API knows no batch " + batchId + " for this key"));
        List<BatchProgress.Failure> failures = api.failedOnboardings(batchId);
        if (failures.isEmpty()) {
            cli.out().println("Batch " + batchId + " has no FAILED tenants: nothing to retry");
            return ExitCodes.ALL_SUCCEEDED;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        List<String> onboardingIds = new ArrayList<>();
        for (BatchProgress.Failure failure : failures) {
            JsonNode onboarding = api.onboarding(failure.onboardingId())
                    .orElseThrow(() -> CliFailure.usage("The failed onboarding " + failure.onboardingId() + " is gone"));
            rows.add(requestOf(onboarding));
            tenants.add(failure.tenantId());
            onboardingIds.add(failure.onboardingId().toString());
        }
        cli.err().println("Submitting the " + rows.size() + " FAILED tenants of batch " + batchId + " again");
        // the same failures retried twice give the same key: the API answers the first retry's batch
        String key = IdempotencyKey.of("retry", batchId.toString(), String.join(",", onboardingIds.stream().sorted().toList()));
        BatchReceipt receipt = api.submitRows(rows, key);
        Path resultsFile = results != null ? results : Path.of("batch-" + batchId + "-retry-results.csv");
        return cli.outcome(api, polling.interval()).follow(receipt, tenants, resultsFile);
    }

    /**
     * The request the failed onboarding was made from, as a batch row: same tenant, account, domains and options, the
     * profile it named (none: the creation date chooses again) and, for a plan, a plan again rather than a change.
     */
    private static Map<String, Object> requestOf(JsonNode onboarding) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenantId", onboarding.path("tenantId").asText());
        row.put("relayAccountId", onboarding.path("relayAccountId").asText());
        List<String> domains = new ArrayList<>();
        onboarding.path("relayDomains").forEach(domain -> domains.add(domain.asText()));
        row.put("relayDomains", domains);
        if (onboarding.path("limitedScope").isObject()) {
            row.put("limitedScope", onboarding.path("limitedScope"));
        }
        if (onboarding.path("testRecipient").isTextual()) {
            row.put("testRecipient", onboarding.path("testRecipient").asText());
        }
        if (onboarding.path("profile").isTextual()) {
            row.put("profile", onboarding.path("profile").asText());
        }
        if ("PLAN".equals(onboarding.path("kind").asText())) {
            row.put("dryRun", true);
        }
        return row;
    }
}
