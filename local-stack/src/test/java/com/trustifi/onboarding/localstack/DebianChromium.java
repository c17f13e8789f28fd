package com.trustifi.onboarding.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium. A machine
 * without them gets them installed (apt-get, when the tests run as root, as on CI and these machines); otherwise the
 * tests fail naming the two packages. Selenium is given both paths, so it never tries to download a browser.
 */
final class DebianChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING = "The browser tests need Debian's chromium and chromium-driver packages: "
            + "apt-get install -y chromium chromium-driver";

    private DebianChromium() {
    }

    static ChromeDriver start() {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the simulator's certificate is made at its start; the browser cannot know it
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                // without these, Chromium keeps calling Google's hosts, which a closed network refuses
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + tempProfile());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
            if (!installed()) {
                run(List.of("apt-get", "update"));
                run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
            }
        }
        if (!installed()) {
            throw new IllegalStateException(MISSING);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException(MISSING, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(MISSING, e);
        }
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new IllegalStateException("No temporary directory for the browser profile", e);
        }
    }
}
