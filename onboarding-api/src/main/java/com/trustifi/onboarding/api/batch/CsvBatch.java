package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.http.RetiredFields;
import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import com.trustifi.onboarding.api.onboarding.OnboardingRequest;
import com.trustifi.onboarding.model.CsvText;
import com.trustifi.onboarding.model.RelayProfileName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A batch as CSV: a header line, then one tenant per line. Columns, in any order: tenantId and
 * relayDomains (required; domains separated by ';'), and relayAccountId, testRecipient and
 * profile (optional). Each line becomes the same request a single onboarding takes.
 */
final class CsvBatch {

    static final String MEDIA_TYPE = "text/csv";
    static final String DOMAIN_SEPARATOR = ";";

    private static final List<String> COLUMNS = List.of("tenantId", "relayDomains", "relayAccountId", "testRecipient",
            "profile");
    private static final List<String> REQUIRED = List.of("tenantId", "relayDomains");

    private final List<String> header;
    private final int[] column;
    private final List<List<String>> lines;

    private CsvBatch(List<String> header, List<List<String>> lines) {
        this.header = header;
        this.column = columns(header);
        this.lines = lines;
    }

    static CsvBatch parse(String csv) {
        List<List<String>> lines;
        try {
            lines = CsvText.parse(csv == null ? "" : csv);
        } catch (IllegalArgumentException unreadable) {
            throw new UnacceptableRequestException("body", unreadable.getMessage());
        }
        if (lines.isEmpty()) {
            throw new UnacceptableRequestException("body", "must have a header line and at least one row");
        }
        return new CsvBatch(lines.get(0), lines.subList(1, lines.size()));
    }

    int rowCount() {
        return lines.size();
    }

    void readInto(BatchRows rows) {
        for (List<String> cells : lines) {
            if (cells.size() != header.size()) {
                rows.refuse("", "has " + cells.size() + " cells; the header has " + header.size());
                continue;
            }
            String relayAccount = cell(cells, column[2]);
            String profile = cell(cells, column[4]);
            if (relayAccount != null && !isUuid(relayAccount)) {
                rows.refuse("relayAccountId", "must be a relay account id (a UUID)");
            } else if (profile != null && profileNamed(profile) == null) {
                rows.refuse("profile", "must be one of " + Arrays.toString(RelayProfileName.values()));
            } else {
                String domains = cell(cells, column[1]);
                rows.add(new OnboardingRequest(
                        cell(cells, column[0]),
                        relayAccount == null ? null : UUID.fromString(relayAccount),
                        domains == null ? List.of() : Arrays.stream(domains.split(DOMAIN_SEPARATOR, -1)).map(String::trim).toList(),
                        null,
                        cell(cells, column[3]),
                        profile == null ? null : profileNamed(profile),
                        null));
            }
        }
    }

    /** Where each known column is in the header (-1 when absent), in the order of {@link #COLUMNS}. */
    private static int[] columns(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String name : header) {
            String known = COLUMNS.stream().filter(column -> column.equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new UnacceptableRequestException("header", RetiredFields.REASONS.containsKey(name.trim())
                            ? "has the column " + name.trim() + ", which " + RetiredFields.REASONS.get(name.trim())
                            : "has an unknown column '" + name.trim() + "'; the columns are " + String.join(", ", COLUMNS)));
            if (names.contains(known)) {
                throw new UnacceptableRequestException("header", "has the column " + known + " twice");
            }
            names.add(known);
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new UnacceptableRequestException("header", "must have the column " + required);
            }
        }
        return COLUMNS.stream().mapToInt(names::indexOf).toArray();
    }

    /** The trimmed cell, or null when the column is absent or the cell empty. */
    private static String cell(List<String> cells, int column) {
        if (column < 0) {
            return null;
        }
        String value = cells.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static RelayProfileName profileNamed(String value) {
        return Arrays.stream(RelayProfileName.values()).filter(name -> name.name().equalsIgnoreCase(value)).findFirst()
                .orElse(null);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
