package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** partner-cli.jar run as a partner runs it: a JVM of its own, its settings from the environment only. */
final class PartnerCliJar {

    private PartnerCliJar() {
    }

    record Run(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs the jar with exactly the environment given (the caller's ONBOARDING_API_* removed); its output goes to {@code work}. */
    static Run run(Path work, Map<String, String> environment, String... args) throws Exception {
        Path jar = ProjectLayout.find().root().resolve("partner-cli/target/partner-cli.jar");
        assertThat(jar).as("built by the reactor before this module (./mvnw package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(work, "cli", ".out");
        Path stderr = Files.createTempFile(work, "cli", ".err");
        var builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ONBOARDING_API_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("partner-cli " + String.join(" ", args) + " did not end within 5 minutes; stderr:\n"
                    + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
