package com.trustifi.onboarding.simulator.exchange;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Timestamps as the admin API writes them. */
final class ExchangeTime {

    /** Fixed width with .NET's seven fractional digits, so timestamps also sort correctly as text. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private ExchangeTime() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : FORMAT.format(time);
    }
}
