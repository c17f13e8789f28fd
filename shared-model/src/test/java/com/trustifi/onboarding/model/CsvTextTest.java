package com.trustifi.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        assertThat(CsvText.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",,x\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("multi\nline", "", "x"));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> CsvText.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        assertThat(CsvText.line(List.of("=1+2", "+cmd", "-x", "@SUM(A1)", "plain", "a,b", "say \"hi\"")))
                .isEqualTo("'=1+2,'+cmd,'-x,'@SUM(A1),plain,\"a,b\",\"say \"\"hi\"\"\"\r\n");
        assertThat(CsvText.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvText.cell(null)).isEmpty();
    }

    @Test
    void writtenCellsReadBackAsTheyWere() {
        List<String> cells = List.of("a,b", "line\nbreak", "\"quoted\"", "");
        assertThat(CsvText.parse(CsvText.line(cells))).containsExactly(cells);
    }
}
