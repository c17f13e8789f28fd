package com.trustifi.onboarding.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 comma-separated values, read the way the API reads a batch (blank lines skipped, a
 * leading byte-order mark ignored) so that the CLI numbers rows as the API's errors do.
 */
final class Csv {

    private Csv() {
    }

    /** The non-blank lines of the text, each as its cells. */
    static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean lineStarted = false;
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                lineStarted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
                lineStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (lineStarted || !cell.isEmpty()) {
                    line.add(cell.toString());
                    lines.add(line);
                }
                line = new ArrayList<>();
                cell.setLength(0);
                lineStarted = false;
            } else {
                cell.append(c);
                lineStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted cell is never closed");
        }
        if (lineStarted || !cell.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    /** One line, ended by CRLF. */
    static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * A cell as written: text a spreadsheet would run as a formula (starting with = + - @, a tab or
     * a carriage return) gets a leading single quote, as the API's own export does, so a cell read
     * from that export is written unchanged; then it is quoted if it must be.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean mustQuote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return mustQuote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
