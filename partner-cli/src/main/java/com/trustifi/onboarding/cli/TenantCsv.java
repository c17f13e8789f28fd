package com.trustifi.onboarding.cli;

import com.trustifi.onboarding.model.CsvText;
import java.util.ArrayList;
import java.util.List;

/**
 * The partner's CSV of tenants, read only as far as the CLI needs it: how many rows it has and
 * which tenant each row names, so that a row the API refuses can be reported by tenant. The API
 * checks everything else.
 */
record TenantCsv(String text, List<String> tenantIds) {

    TenantCsv {
        tenantIds = List.copyOf(tenantIds);
    }

    static TenantCsv parse(String text) {
        List<List<String>> lines;
        try {
            lines = CsvText.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("The CSV cannot be read: it " + e.getMessage());
        }
        if (lines.size() < 2) {
            throw CliFailure.usage("The CSV needs a header line and at least one tenant");
        }
        int column = -1;
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase("tenantId")) {
                column = i;
            }
        }
        if (column < 0) {
            throw CliFailure.usage("The CSV's header has no tenantId column; its columns are: tenantId, relayDomains "
                    + "(separated by ;), relayAccountId, testRecipient, profile");
        }
        List<String> tenantIds = new ArrayList<>();
        for (List<String> cells : lines.subList(1, lines.size())) {
            tenantIds.add(column < cells.size() ? cells.get(column).trim() : "");
        }
        return new TenantCsv(text, tenantIds);
    }
}
