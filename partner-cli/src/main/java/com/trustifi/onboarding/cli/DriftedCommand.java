package com.trustifi.onboarding.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "drifted", mixinStandardHelpOptions = true,
        description = {"Prints, as CSV, every property the fleet watch found changed in your tenants since they were onboarded: "
                + "tenantId,object,property,expected,found,firstSeenAt,checkedAt (the rule's header value shows as (not shown)).",
                "Exits 1 when a tenant drifted, 0 when none did."})
final class DriftedCommand implements Callable<Integer> {

    static final String HEADER = "tenantId,object,property,expected,found,firstSeenAt,checkedAt";

    @ParentCommand
    private PartnerCli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        out.println(HEADER);
        int tenants = 0;
        String cursor = null;
        do {
            JsonNode page = cli.api().conformance("DRIFTED", cursor);
            for (JsonNode tenant : page.path("items")) {
                tenants++;
                for (JsonNode property : tenant.path("drift")) {
                    out.println(line(tenant.path("tenantId"), property.path("object"), property.path("property"), property.path("expected"),
                            property.path("found"), property.path("firstSeenAt"), tenant.path("checkedAt")));
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        out.flush();
        cli.err().println(tenants + (tenants == 1 ? " tenant" : " tenants") + " drifted");
        return tenants == 0 ? ExitCodes.ALL_SUCCEEDED : ExitCodes.SOME_FAILED;
    }

    /** One CSV line; a field with a comma, quote or line break is quoted, as RFC 4180 has it. */
    static String line(JsonNode... fields) {
        return List.of(fields).stream().map(field -> field.isMissingNode() || field.isNull() ? "" : field.asText())
                .map(DriftedCommand::field).collect(Collectors.joining(","));
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
