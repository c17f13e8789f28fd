package com.trustifi.onboarding.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.trustifi.onboarding.api.onboarding.UnacceptableRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        assertThat(Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",,x\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("multi\nline", "", "x"));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\n")).isInstanceOf(UnacceptableRequestException.class);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        assertThat(Csv.line(List.of("=1+2", "+cmd", "-x", "@SUM(A1)", "plain", "a,b", "say \"hi\"")))
                .isEqualTo("'=1+2,'+cmd,'-x,'@SUM(A1),plain,\"a,b\",\"say \"\"hi\"\"\"\r\n");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void writtenCellsReadBackAsTheyWere() {
        List<String> cells = List.of("a,b", "line\nbreak", "\"quoted\"", "");
        assertThat(Csv.parse(Csv.line(cells))).containsExactly(cells);
    }
}
