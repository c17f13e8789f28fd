package com.trustifi.onboarding.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built services are, found from the repository root. */
public record ProjectLayout(Path root) {

    /** Walks up from the working directory (the root, or a module when run by Maven) to the repository root. */
    public static ProjectLayout find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("onboarding-api")) && Files.isDirectory(dir.resolve("tenant-worker"))) {
                return new ProjectLayout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run from the repository or one of its modules: onboarding-api/ was not found");
    }

    Path onboardingApi() {
        return quarkusApp("onboarding-api");
    }

    Path tenantWorker() {
        return quarkusApp("tenant-worker");
    }

    private Path quarkusApp(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
