package com.trustifi.onboarding.cli;

import java.io.PrintWriter;

/**
 * Shows a batch's progress on standard error: on a terminal one line redrawn in place, elsewhere
 * (a log, a CI job) a new line only when the counts change, so a log is not flooded by the ETA.
 */
final class ProgressDisplay {

    private final PrintWriter err;
    private final boolean terminal;
    private String lastCounts;
    private int lastLength;

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void show(ProgressLine line) {
        String text = line.toString();
        if (terminal) {
            // pad over the longer line drawn before, then return to the line's start
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = text.length();
        } else if (!line.counts().equals(lastCounts)) {
            err.println(text);
        }
        lastCounts = line.counts();
        err.flush();
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    void finish() {
        if (terminal && lastLength > 0) {
            err.println();
            err.flush();
        }
        lastLength = 0;
    }

    /** A note about the polling itself (the API not answering), on a line of its own. */
    void note(String message) {
        finish();
        err.println(message);
        err.flush();
    }
}
