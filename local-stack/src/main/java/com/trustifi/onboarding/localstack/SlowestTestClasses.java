package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the ten slowest test classes of the whole build, from every module's surefire reports, at the end of
 * {@code ./mvnw verify}: where a developer looks first when the test command grows slow.
 */
public final class SlowestTestClasses {

    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*?name=\"([^\"]+)\"[^>]*?time=\"([0-9.,]+)\"");

    private record Timing(String testClass, double seconds) {
    }

    private SlowestTestClasses() {
    }

    /** @param args the project's root folder */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "..");
        List<Timing> timings;
        try (Stream<Path> modules = Files.list(root)) {
            timings = modules.map(module -> module.resolve("target/surefire-reports"))
                    .filter(Files::isDirectory)
                    .flatMap(SlowestTestClasses::reports)
                    .flatMap(SlowestTestClasses::timing)
                    .sorted(Comparator.comparingDouble(Timing::seconds).reversed())
                    .toList();
        }
        double total = timings.stream().mapToDouble(Timing::seconds).sum();
        System.out.printf(Locale.ROOT, "The ten slowest of %d test classes (%.0f s in all):%n", timings.size(), total);
        timings.stream().limit(10).forEach(timing -> System.out.printf(Locale.ROOT, "  %7.1f s  %s%n", timing.seconds(), timing.testClass()));
    }

    private static Stream<Path> reports(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Stream<Timing> timing(Path report) {
        try {
            Matcher suite = SUITE.matcher(Files.readString(report));
            return suite.find() ? Stream.of(new Timing(suite.group(1), Double.parseDouble(suite.group(2).replace(",", ""))))
                    : Stream.empty();
        } catch (IOException | NumberFormatException e) {
            return Stream.empty();
        }
    }
}
