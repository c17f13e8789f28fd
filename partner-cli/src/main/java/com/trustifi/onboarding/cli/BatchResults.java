package com.trustifi.onboarding.cli;

import com.trustifi.onboarding.model.CsvText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line per submitted tenant, in the order they were submitted: the API's results of the
 * accepted rows, and the rows it refused (status REJECTED, with the fields at fault).
 */
record BatchResults(List<Row> rows) {

    static final List<String> COLUMNS = List.of("tenantId", "onboardingId", "status", "detail", "remediation", "retryable");
    static final String REJECTED = "REJECTED";
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");

    BatchResults {
        rows = List.copyOf(rows);
    }

    record Row(String tenantId, String onboardingId, String status, String detail, String remediation, String retryable) {

        List<String> cells() {
            return List.of(tenantId, onboardingId, status, detail, remediation, retryable);
        }
    }

    /**
     * @param submitted  the tenant of each submitted row, by row number from 0
     * @param refused    the receipt's errors, each naming its row as rows[n].field
     * @param apiResults GET /v1/batches/{id}/results.csv, whose columns are {@link #COLUMNS}
     */
    static BatchResults of(List<String> submitted, List<ApiProblem.FieldError> refused, String apiResults) {
        List<Row> rows = new ArrayList<>();
        List<List<String>> lines = CsvText.parse(apiResults);
        Map<String, Integer> column = columns(lines.isEmpty() ? List.of() : lines.get(0));
        for (List<String> cells : lines.subList(Math.min(1, lines.size()), lines.size())) {
            rows.add(new Row(cell(cells, column, "tenantId"), cell(cells, column, "onboardingId"), cell(cells, column, "status"),
                    cell(cells, column, "detail"), cell(cells, column, "remediation"), cell(cells, column, "retryable")));
        }
        rows.addAll(rejectedRows(submitted, refused));
        Map<String, Integer> position = new HashMap<>();
        for (int i = submitted.size() - 1; i >= 0; i--) {
            position.put(submitted.get(i).toLowerCase(Locale.ROOT), i);
        }
        // the API lists its results in its own order; the partner's file is easier to read against its input
        rows.sort(Comparator.comparingInt(row -> position.getOrDefault(row.tenantId().toLowerCase(Locale.ROOT), Integer.MAX_VALUE)));
        return new BatchResults(rows);
    }

    /** One REJECTED row per refused row, its detail every field at fault as "field: reason". */
    private static List<Row> rejectedRows(List<String> submitted, List<ApiProblem.FieldError> refused) {
        Map<Integer, List<String>> reasons = new TreeMap<>();
        for (ApiProblem.FieldError error : refused) {
            Matcher row = ROW_FIELD.matcher(error.field() == null ? "" : error.field());
            if (row.matches()) {
                String field = row.group(2).isEmpty() ? "row" : row.group(2);
                reasons.computeIfAbsent(Integer.parseInt(row.group(1)), n -> new ArrayList<>()).add(field + ": " + error.reason());
            }
        }
        List<Row> rejected = new ArrayList<>();
        reasons.forEach((n, why) -> rejected.add(new Row(n < submitted.size() ? submitted.get(n) : "", "", REJECTED,
                String.join("; ", why), "Fix row " + (n + 1) + " as the detail says and submit it again; nothing was stored for it", "false")));
        return rejected;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        return columns;
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        Integer at = column.get(name);
        return at == null || at >= cells.size() ? "" : cells.get(at);
    }

    /** Rows by status, in the order the statuses first appear. */
    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.merge(row.status(), 1L, Long::sum));
        return counts;
    }

    boolean allSucceeded() {
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.status().equals("SUCCEEDED"));
    }

    List<Row> unsuccessful() {
        return rows.stream().filter(row -> !row.status().equals("SUCCEEDED")).toList();
    }

    String toCsv() {
        var csv = new StringBuilder(CsvText.line(COLUMNS));
        rows.forEach(row -> csv.append(CsvText.line(row.cells())));
        return csv.toString();
    }

    void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("The results could not be written to " + file + ": " + e.getMessage());
        }
    }
}
