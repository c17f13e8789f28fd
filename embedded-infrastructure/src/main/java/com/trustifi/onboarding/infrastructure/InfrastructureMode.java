package com.trustifi.onboarding.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the Kafka and PostgreSQL that no external setting names are started: the {@code infrastructure} setting.
 */
public enum InfrastructureMode {

    /** From Maven Central artifacts inside this machine's JVMs and processes; needs no Docker. The default. */
    EMBEDDED,
    /** As Testcontainers containers; a Docker engine must be there. */
    CONTAINERS,
    /** Containers when Testcontainers finds a Docker engine, embedded otherwise. */
    AUTO;

    /** Reads a setting's value, case-insensitively. */
    public static InfrastructureMode parse(String value) {
        String name = value.strip();
        return Arrays.stream(values())
                .filter(mode -> mode.settingValue().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("infrastructure must be one of "
                        + Arrays.stream(values()).map(InfrastructureMode::settingValue).collect(Collectors.joining(", "))
                        + ", not '" + name + "'"));
    }

    /** The value as it is written in the setting: embedded, containers or auto. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
