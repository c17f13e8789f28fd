package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link StatusLoad} in a JVM of its own, as partner portals would poll from their own machines. */
final class StatusLoadProcess {

    /** What the load measured. */
    record Result(long timed, long errors, double p99Millis, double p50Millis) {
    }

    private final Process process;
    private final Path workDirectory;

    private StatusLoadProcess(Process process, Path workDirectory) {
        this.process = process;
        this.workDirectory = workDirectory;
    }

    /** Starts the load; what falls due in the warm-up is sent, not measured. */
    static StatusLoadProcess start(List<URI> targets, String apiKey, int requestsPerSecond, Duration warmUp, Path workDirectory)
            throws IOException {
        Path targetsFile = writeTargets(targets, workDirectory.resolve("status-load-targets.txt"));
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // as many idle keep-alive connections as the load has senders (the JDK keeps 5)
                "-Dhttp.maxConnections=" + StatusLoad.SENDERS, "-cp", System.getProperty("java.class.path"), StatusLoad.class.getName(),
                Integer.toString(requestsPerSecond), targetsFile.toString(), Long.toString(warmUp.toSeconds()));
        command.environment().put("STATUS_LOAD_API_KEY", apiKey);
        command.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new StatusLoadProcess(command.start(), workDirectory);
    }

    /** From now on the load polls these targets, and measures: what it sent before was its warm-up. */
    void measureOn(List<URI> targets) throws IOException {
        Path targetsFile = writeTargets(targets, workDirectory.resolve("status-load-measured-targets.txt"));
        OutputStream commands = process.getOutputStream();
        commands.write((targetsFile + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    private static Path writeTargets(List<URI> targets, Path file) throws IOException {
        return Files.write(file, targets.stream().map(URI::toString).toList(), StandardCharsets.UTF_8);
    }

    /** Lets the load run for this long, then ends it and reads its figures. */
    Result stopAfter(Duration duration) throws IOException, InterruptedException {
        Thread.sleep(duration.toMillis());
        return stop();
    }

    /** Ends the load and reads its figures. */
    Result stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        String[] figures = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
        process.waitFor(30, TimeUnit.SECONDS);
        if (figures.length < 4) {
            throw new IOException("The status load printed no figures");
        }
        return new Result(Long.parseLong(figures[0]), Long.parseLong(figures[1]), Double.parseDouble(figures[2]),
                Double.parseDouble(figures[3]));
    }
}
