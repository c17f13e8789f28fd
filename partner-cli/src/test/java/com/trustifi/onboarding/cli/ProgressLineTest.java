package com.trustifi.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void aBarTheCountsByStatusInTheOrderTenantsGoThroughThemAndTheEta() {
        ProgressLine line = ProgressLine.of(progress(50, Map.of("FAILED", 2L, "SUCCEEDED", 23L, "RUNNING", 10L, "ACCEPTED", 15L),
                NOW.plusSeconds(65)), NOW);

        assertThat(line).hasToString("[##########----------]  50%  25/50  ACCEPTED 15  RUNNING 10  SUCCEEDED 23  FAILED 2  ETA 1m 05s");
    }

    @Test
    void theEtaIsUnknownUntilOneFinishesAndDoneAtTheEnd() {
        assertThat(ProgressLine.of(progress(3, Map.of("ACCEPTED", 3L), null), NOW).toString())
                .isEqualTo("[--------------------]   0%  0/3  ACCEPTED 3  ETA unknown");
        assertThat(ProgressLine.of(progress(3, Map.of("SUCCEEDED", 2L, "CANCELED", 1L), NOW.minusSeconds(5)), NOW).toString())
                .isEqualTo("[####################] 100%  3/3  SUCCEEDED 2  CANCELED 1  done");
        assertThat(ProgressLine.of(progress(4, Map.of("SUCCEEDED", 1L, "RUNNING", 3L), NOW.minusSeconds(5)), NOW).eta())
                .as("an estimate already past").isEqualTo("ETA 0s");
    }

    @Test
    void durationsAreShortAndStopCountingSecondsPastAnHour() {
        assertThat(ProgressLine.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(ProgressLine.duration(Duration.ofMinutes(62).plusSeconds(30))).isEqualTo("1h 02m");
    }

    @Test
    void aTerminalRedrawsOneLineALogGetsALineOnlyWhenTheCountsChange() {
        ProgressLine first = ProgressLine.of(progress(2, Map.of("RUNNING", 2L), NOW.plusSeconds(30)), NOW);
        ProgressLine sameCountsLaterEta = ProgressLine.of(progress(2, Map.of("RUNNING", 2L), NOW.plusSeconds(20)), NOW);
        ProgressLine last = ProgressLine.of(progress(2, Map.of("SUCCEEDED", 2L), null), NOW);

        var log = new StringWriter();
        var logDisplay = new ProgressDisplay(new PrintWriter(log), false);
        List.of(first, sameCountsLaterEta, last).forEach(logDisplay::show);
        logDisplay.finish();
        assertThat(log.toString().lines()).containsExactly(first.toString(), last.toString());

        var terminal = new StringWriter();
        var terminalDisplay = new ProgressDisplay(new PrintWriter(terminal), true);
        List.of(first, sameCountsLaterEta, last).forEach(terminalDisplay::show);
        terminalDisplay.finish();
        assertThat(terminal.toString()).startsWith("\r" + first).contains("\r" + sameCountsLaterEta).endsWith(System.lineSeparator());
        assertThat(terminal.toString().split("\r")).hasSize(4);
    }

    private static BatchProgress progress(int accepted, Map<String, Long> counts, Instant eta) {
        return new BatchProgress(UUID.randomUUID(), accepted, 0, counts, eta, List.of());
    }
}
