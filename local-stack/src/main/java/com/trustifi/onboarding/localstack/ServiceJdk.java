package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The JDK the services run on. The worker runs each plan on a virtual thread, which needs Java 21 or newer; the build
 * itself runs on whatever Maven runs on (17 here), so the services are compiled for 17 and started on the newest JDK of
 * at least 21 that is found: {@code ONBOARDING_SERVICE_JAVA_HOME}, then {@code JAVA_HOME}, then the usual places.
 * Without one they run on this JVM, with plans on platform threads, and the log says what to install.
 */
final class ServiceJdk {

    static final int VIRTUAL_THREADS = 21;
    private static final Logger LOG = Logger.getLogger(ServiceJdk.class);
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"), Path.of("/Library/Java/JavaVirtualMachines"));
    private static volatile Path chosen;

    private ServiceJdk() {
    }

    /** Which JDK the services run on, and what that means for the worker's plans, for a person to read. */
    static String describe() {
        Path home = java().getParent().getParent();
        int major = major(home);
        return "Java " + (major > 0 ? major : Runtime.version().feature()) + " at " + home
                + (major >= VIRTUAL_THREADS ? " (plans on virtual threads)" : " (plans on platform threads: install a JDK 21 or newer)");
    }

    /** The {@code java} launcher the services start with; chosen once, and said in the log. */
    static Path java() {
        if (chosen == null) {
            synchronized (ServiceJdk.class) {
                if (chosen == null) {
                    chosen = choose();
                }
            }
        }
        return chosen.resolve("bin").resolve("java");
    }

    private static Path choose() {
        List<Path> candidates = new ArrayList<>();
        env("ONBOARDING_SERVICE_JAVA_HOME").ifPresent(candidates::add);
        env("JAVA_HOME").ifPresent(candidates::add);
        Optional<Path> named = candidates.stream().filter(home -> major(home) >= VIRTUAL_THREADS).findFirst();
        Optional<Path> found = named.or(() -> USUAL_PLACES.stream().flatMap(ServiceJdk::jdksIn)
                .filter(home -> major(home) >= VIRTUAL_THREADS)
                .max(Comparator.comparingInt(ServiceJdk::major)));
        if (found.isPresent()) {
            LOG.infof("The services run on Java %d at %s: plans on virtual threads", major(found.get()), found.get());
            return found.get();
        }
        Path current = Path.of(System.getProperty("java.home"));
        LOG.warnf("No JDK of Java %d or newer found (ONBOARDING_SERVICE_JAVA_HOME, JAVA_HOME, /usr/lib/jvm, /opt/java, "
                + "~/.sdkman): the services run on Java %s at %s, with plans on platform threads. Install a JDK 21 or newer "
                + "(for example Temurin 25) for virtual threads", VIRTUAL_THREADS, Runtime.version().feature(), current);
        return current;
    }

    private static Optional<Path> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()).map(Path::of);
    }

    private static Stream<Path> jdksIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.flatMap(entry -> Stream.of(entry, entry.resolve("Contents/Home"))).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The feature version a JDK's {@code release} file names, or 0 when it is no JDK with a launcher. */
    static int major(Path home) {
        try {
            if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
                return 0;
            }
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
