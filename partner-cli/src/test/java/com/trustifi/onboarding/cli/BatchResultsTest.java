package com.trustifi.onboarding.cli;

import com.trustifi.onboarding.model.CsvText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchResultsTest {

    private static final String API_RESULTS = "tenantId,onboardingId,status,detail,remediation,retryable\r\n"
            + "t-3,o-3,FAILED,\"Exchange said: no, \"\"really\"\"\",'=assign the role,false\r\n"
            + "t-1,o-1,SUCCEEDED,,,false\r\n";

    @Test
    void everySubmittedRowHasALineInInputOrderWithRefusedRowsAsRejected() {
        BatchResults results = BatchResults.of(List.of("t-1", "t-2", "t-3"),
                List.of(new ApiProblem.FieldError("rows[1].tenantId", "is not connected to you"),
                        new ApiProblem.FieldError("rows[1].relayDomains[0]", "must be a domain name")),
                API_RESULTS);

        assertThat(results.rows()).extracting(BatchResults.Row::tenantId).containsExactly("t-1", "t-2", "t-3");
        assertThat(results.rows()).extracting(BatchResults.Row::status).containsExactly("SUCCEEDED", "REJECTED", "FAILED");
        BatchResults.Row rejected = results.rows().get(1);
        assertThat(rejected.detail()).isEqualTo("tenantId: is not connected to you; relayDomains[0]: must be a domain name");
        assertThat(rejected.remediation()).contains("row 2");
        assertThat(rejected.onboardingId()).isEmpty();
        assertThat(results.countsByStatus()).containsEntry("FAILED", 1L).containsEntry("REJECTED", 1L).containsEntry("SUCCEEDED", 1L);
        assertThat(results.allSucceeded()).isFalse();
        assertThat(results.unsuccessful()).extracting(BatchResults.Row::tenantId).containsExactly("t-2", "t-3");
    }

    @Test
    void theCsvQuotesWhatItMustAndLeavesTheApisFormulaGuardAsItWas(@TempDir Path dir) throws Exception {
        BatchResults results = BatchResults.of(List.of("t-1", "t-3"), List.of(), API_RESULTS);
        Path file = dir.resolve("out/results.csv");

        results.write(file);

        assertThat(Files.readString(file)).isEqualTo("tenantId,onboardingId,status,detail,remediation,retryable\r\n"
                + "t-1,o-1,SUCCEEDED,,,false\r\n"
                + "t-3,o-3,FAILED,\"Exchange said: no, \"\"really\"\"\",'=assign the role,false\r\n");
        assertThat(CsvText.parse(Files.readString(file))).hasSize(3);
    }

    @Test
    void aFormulaInARejectedTenantCellIsDefused() {
        BatchResults results = BatchResults.of(List.of("=HYPERLINK(\"x\")"),
                List.of(new ApiProblem.FieldError("rows[0].tenantId", "must be a tenant GUID")),
                "tenantId,onboardingId,status,detail,remediation,retryable\r\n");

        assertThat(results.toCsv()).contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",,REJECTED,tenantId: must be a tenant GUID,");
    }

    @Test
    void allSucceededOnlyWhenEveryRowDid() {
        assertThat(BatchResults.of(List.of("t-1"), List.of(), "tenantId,onboardingId,status,detail,remediation,retryable\r\n"
                + "t-1,o-1,SUCCEEDED,,,false\r\n").allSucceeded()).isTrue();
        assertThat(BatchResults.of(List.of(), List.of(), "tenantId,onboardingId,status\r\n").allSucceeded()).isFalse();
    }
}
