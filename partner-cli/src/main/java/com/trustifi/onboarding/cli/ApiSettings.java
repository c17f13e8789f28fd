package com.trustifi.onboarding.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the API is and the partner's key for it. They come from the environment or from a
 * properties file, never from the command line: arguments end up in shell history and in every
 * user's process list.
 */
record ApiSettings(URI apiUrl, String apiKey) {

    static final String URL_VARIABLE = "ONBOARDING_API_URL";
    static final String KEY_VARIABLE = "ONBOARDING_API_KEY";
    static final String URL_PROPERTY = "api-url";
    static final String KEY_PROPERTY = "api-key";

    /** Not shown: a record's toString would print the key. */
    @Override
    public String toString() {
        return "ApiSettings[apiUrl=" + apiUrl + ", apiKey=(not shown)]";
    }

    /** {@code ~/.config/trustifi-onboarding/config.properties} of the given home directory. */
    static Path defaultConfigFile(Path home) {
        return home.resolve(".config").resolve("trustifi-onboarding").resolve("config.properties");
    }

    /**
     * The environment's values, each one the environment lacks taken from the file. The file may be
     * absent unless it was named with --config.
     *
     * @param named   the file was named on the command line, so it must exist
     * @param warning told about a config file that other users can read, and about a key sent in clear text
     */
    static ApiSettings load(Map<String, String> environment, Path configFile, boolean named, Consumer<String> warning) {
        Properties file = read(configFile, named, warning);
        String url = firstOf(environment.get(URL_VARIABLE), file.getProperty(URL_PROPERTY));
        String key = firstOf(environment.get(KEY_VARIABLE), file.getProperty(KEY_PROPERTY));
        if (url == null) {
            throw CliFailure.usage("No API URL: set " + URL_VARIABLE + " or " + URL_PROPERTY + " in " + configFile);
        }
        if (key == null) {
            throw CliFailure.usage("No API key: set " + KEY_VARIABLE + " or " + KEY_PROPERTY + " in " + configFile);
        }
        URI api = parseUrl(url);
        if ("http".equals(api.getScheme()) && !isLoopback(api.getHost())) {
            warning.accept("The API URL is plain http to another machine: the API key crosses the network in clear text");
        }
        return new ApiSettings(api, key);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static Properties read(Path configFile, boolean named, Consumer<String> warning) {
        var properties = new Properties();
        if (!Files.exists(configFile)) {
            if (named) {
                throw CliFailure.usage("The config file " + configFile + " does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliFailure.usage("The config file " + configFile + " could not be read: " + e.getMessage());
        }
        if (properties.containsKey(KEY_PROPERTY) && readableByOthers(configFile)) {
            warning.accept("warning: " + configFile + " holds the API key and other users can read it; chmod 600 it");
        }
        return properties;
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return false;
        }
    }

    private static String firstOf(String environmentValue, String fileValue) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return environmentValue.trim();
        }
        return fileValue == null || fileValue.isBlank() ? null : fileValue.trim();
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getUserInfo() != null) {
                throw CliFailure.usage("The API URL must not hold a user or password; the key goes in " + KEY_VARIABLE);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                // not the value itself: a key put in the URL's place would be printed
                throw CliFailure.usage("The API URL must be http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliFailure.usage("The API URL is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }
}
