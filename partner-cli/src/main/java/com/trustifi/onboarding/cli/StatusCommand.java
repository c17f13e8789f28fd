package com.trustifi.onboarding.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Prints the status of a batch (its counts, ETA and failures) or of one onboarding (its steps).",
                "Exits 1 when something in it FAILED or was CANCELED, 0 otherwise (also while it runs)."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private PartnerCli cli;

    @Parameters(paramLabel = "ID", description = "A batch id or an onboarding id")
    private UUID id;

    @Override
    public Integer call() {
        OnboardingApi api = cli.api();
        Optional<BatchProgress> batch = api.batch(id);
        if (batch.isPresent()) {
            return printBatch(batch.get(), cli.out());
        }
        JsonNode onboarding = api.onboarding(id)
                .orElseThrow(() -> CliFailure.usage("The API knows no batch and no onboarding " + id + " for this key"));
        return printOnboarding(onboarding, cli.out());
    }

    private static int printBatch(BatchProgress batch, PrintWriter out) {
        out.println("batch " + batch.id() + ": " + batch.accepted() + " accepted, " + batch.rejected() + " refused at submission");
        out.println(ProgressLine.of(batch, Instant.now()));
        for (BatchProgress.Failure failure : batch.failed()) {
            out.println("  " + failure.tenantId() + "  FAILED  " + failure.detail()
                    + (failure.remediation() == null ? "" : "  -> " + failure.remediation())
                    + (failure.retryable() ? "  (retryable)" : ""));
        }
        long unlisted = batch.count("FAILED") - batch.failed().size();
        if (unlisted > 0) {
            out.println("  ... and " + unlisted + " more FAILED (every one: the batch's results.csv, or retry-failed)");
        }
        boolean somethingFailed = batch.count("FAILED") > 0 || batch.count("CANCELED") > 0;
        return somethingFailed ? ExitCodes.SOME_FAILED : ExitCodes.ALL_SUCCEEDED;
    }

    private static int printOnboarding(JsonNode onboarding, PrintWriter out) {
        String status = onboarding.path("status").asText();
        out.println("onboarding " + onboarding.path("id").asText() + "  " + onboarding.path("kind").asText()
                + "  tenant " + onboarding.path("tenantId").asText()
                + (onboarding.path("batchId").isTextual() ? "  batch " + onboarding.path("batchId").asText() : ""));
        out.println("status: " + status + (status.equals("FAILED") && onboarding.path("retryable").asBoolean() ? " (retryable)" : ""));
        line(out, "detail", onboarding.path("detail"));
        line(out, "remediation", onboarding.path("remediation"));
        for (JsonNode step : onboarding.path("steps")) {
            out.println(String.format("  %-28s %-13s %s", step.path("step").asText(), step.path("outcome").asText(),
                    step.path("detail").asText("")));
        }
        return status.equals("FAILED") || status.equals("CANCELED") ? ExitCodes.SOME_FAILED : ExitCodes.ALL_SUCCEEDED;
    }

    private static void line(PrintWriter out, String name, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            out.println(name + ": " + value.asText());
        }
    }
}
