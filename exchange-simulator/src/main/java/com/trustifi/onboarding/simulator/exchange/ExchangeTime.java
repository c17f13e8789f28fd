package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the admin API writes them. */
final class ExchangeTime {

    /** Fixed width with .NET's seven fractional digits, so timestamps also sort correctly as text. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'");

    private ExchangeTime() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : FORMAT.format(time);
    }

    /** The {@code ...UTC} twin of a timestamp property, with the Z designator. */
    static String formatUtc(OffsetDateTime time) {
        return time == null ? null : UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
