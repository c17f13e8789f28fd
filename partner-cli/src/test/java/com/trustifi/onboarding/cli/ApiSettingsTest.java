package com.trustifi.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSettingsTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void theEnvironmentAloneIsEnough() {
        ApiSettings settings = load(Map.of("ONBOARDING_API_URL", "http://localhost:8080/", "ONBOARDING_API_KEY", "pk_env"), false);

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.apiKey()).isEqualTo("pk_env");
    }

    @Test
    void theDefaultFileUnderTheHomeDirectoryIsRead() throws IOException {
        write(ApiSettings.defaultConfigFile(home), "api-url=https://api.example\napi-key=pk_file\n");

        ApiSettings settings = load(Map.of(), false);

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.example"));
        assertThat(settings.apiKey()).isEqualTo("pk_file");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theEnvironmentWinsOverTheFileValueByValue() throws IOException {
        write(ApiSettings.defaultConfigFile(home), "api-url=https://file.example\napi-key=pk_file\n");

        ApiSettings settings = load(Map.of("ONBOARDING_API_KEY", "pk_env", "ONBOARDING_API_URL", " "), false);

        assertThat(settings.apiKey()).isEqualTo("pk_env");
        assertThat(settings.apiUrl()).as("a blank variable counts as unset").isEqualTo(URI.create("https://file.example"));
    }

    @Test
    void aNamedFileMustExistTheDefaultOneNeedNot() {
        Path missing = home.resolve("nowhere.properties");
        assertThatThrownBy(() -> ApiSettings.load(Map.of(), missing, true, warnings::add))
                .isInstanceOf(CliFailure.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist")
                .extracting(failure -> ((CliFailure) failure).exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThatThrownBy(() -> load(Map.of("ONBOARDING_API_URL", "http://localhost:8080"), false))
                .isInstanceOf(CliFailure.class).hasMessageContaining("No API key").hasMessageContaining("ONBOARDING_API_KEY");
    }

    @Test
    void aFileOthersCanReadIsUsedButWarnedAbout() throws IOException {
        Path file = home.resolve("shared.properties");
        write(file, "api-url=http://localhost:8080\napi-key=pk_shared\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ApiSettings settings = ApiSettings.load(Map.of(), file, true, warnings::add);

        assertThat(settings.apiKey()).isEqualTo("pk_shared");
        assertThat(warnings).singleElement().asString().contains("chmod 600").doesNotContain("pk_shared");
    }

    @Test
    void aBadUrlIsAUsageErrorThatNeverShowsTheKey() {
        assertThatThrownBy(() -> load(Map.of("ONBOARDING_API_URL", "ftp://api.example", "ONBOARDING_API_KEY", "pk_secret"), false))
                .isInstanceOf(CliFailure.class).hasMessageContaining("http(s)").hasMessageNotContaining("pk_secret");
        assertThatThrownBy(() -> load(Map.of("ONBOARDING_API_URL", "https://user:pw@api.example", "ONBOARDING_API_KEY", "k"), false))
                .isInstanceOf(CliFailure.class).hasMessageContaining("must not hold a user").hasMessageNotContaining("pw");
        assertThat(new ApiSettings(URI.create("http://a"), "pk_secret").toString()).doesNotContain("pk_secret");
    }

    @Test
    void theKeyIsNeverTakenFromArgumentsAndAnArgumentThatLooksLikeOneIsNotEchoed() {
        for (String[] args : List.of(
                new String[] {"status", "--api-key", "pk_typed", "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01"},
                new String[] {"status", "--api-key=pk_typed", "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01"},
                new String[] {"--api-url", "http://x", "status", "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01"},
                new String[] {"status", "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01", "pk_typed"})) {
            var out = new StringWriter();
            var err = new StringWriter();
            int code = PartnerCli.run(args, Map.of(), home, new PrintWriter(out), new PrintWriter(err), false);

            assertThat(code).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("never from arguments").doesNotContain("pk_typed");
            assertThat(out.toString()).doesNotContain("pk_typed");
        }
    }

    @Test
    void configCanBeNamedBeforeOrAfterTheCommand() throws IOException {
        Path file = home.resolve("elsewhere.properties");
        // nothing listens on port 1: getting as far as calling it proves the file was read
        write(file, "api-url=http://127.0.0.1:1\napi-key=pk_from_file\n");
        for (String[] args : List.of(new String[] {"--config", file.toString(), "status", "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01"},
                new String[] {"status", "--config", file.toString(), "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01"})) {
            var err = new StringWriter();
            int code = PartnerCli.run(args, Map.of(), home, new PrintWriter(new StringWriter()), new PrintWriter(err), false);

            assertThat(code).as(String.join(" ", args)).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(err.toString()).contains("http://127.0.0.1:1 could not be reached").doesNotContain("pk_from_file");
        }
    }

    private ApiSettings load(Map<String, String> environment, boolean named) {
        return ApiSettings.load(environment, ApiSettings.defaultConfigFile(home), named, warnings::add);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
