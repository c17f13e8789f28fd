package com.trustifi.onboarding.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Comma-separated values as RFC 4180 has them: cells with a comma, a quote or a line break are quoted, quotes
 * doubled. The batch CSV a partner sends and the results CSV it gets back are read and written with it, by the API
 * and by the partner CLI alike, so both number rows and escape cells the same way.
 */
public final class CsvText {

    private CsvText() {
    }

    /** The lines of a CSV text, each as its cells; empty lines are left out, and a leading byte-order mark is ignored. */
    /** @throws IllegalArgumentException when a quoted cell is never closed */
    public static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (cellStarted || !cell.isEmpty() || !line.isEmpty()) {
                    line.add(cell.toString());
                    lines.add(line);
                }
                line = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("has a quoted cell that is never closed");
        }
        if (cellStarted || !cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    /** One line of cells, ended by CRLF. */
    public static String line(List<String> cells) {
        return cells.stream().map(CsvText::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * A cell as written: a value a spreadsheet would run as a formula (starting with = + - @, a tab
     * or a carriage return) is prefixed with a single quote, so that it is shown as text; then it
     * is quoted if it needs to be. Null is an empty cell.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
