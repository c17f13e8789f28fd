package com.trustifi.onboarding.api.database;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Ids bound as one PostgreSQL array ({@code = any(cast(:ids as uuid[]))}) rather than as an IN list: the statement is
 * the same whatever their number, so Hibernate translates it once instead of once per size.
 */
public final class UuidArray {

    private UuidArray() {
    }

    /** The array literal, bound as one text parameter. */
    public static String of(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
