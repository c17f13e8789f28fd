package com.trustifi.onboarding.simulator.exchange;

import java.util.Locale;

/**
 * Which slice of a Get- cmdlet's output a call asks for: {@code Prefer: odata.maxpagesize=N} and the
 * {@code $skiptoken} of a previous page's {@code @odata.nextLink}.
 */
record PageRequest(int maxPageSize, int skip) {

    static final int DEFAULT_MAX_PAGE_SIZE = 1000;
    private static final String MAX_PAGE_SIZE = "odata.maxpagesize=";

    /** @throws CmdletException for a skip token this simulator did not issue */
    static PageRequest of(String preferHeader, String skipToken) {
        int skip = 0;
        if (skipToken != null) {
            try {
                skip = Integer.parseInt(skipToken.trim());
            } catch (NumberFormatException e) {
                skip = -1;
            }
            if (skip < 0) {
                throw CmdletException.argument("The $skiptoken '" + skipToken + "' is not valid. Use the @odata.nextLink of the previous page.");
            }
        }
        return new PageRequest(maxPageSize(preferHeader), skip);
    }

    private static int maxPageSize(String preferHeader) {
        if (preferHeader == null) {
            return DEFAULT_MAX_PAGE_SIZE;
        }
        for (String preference : preferHeader.split(",")) {
            String trimmed = preference.trim().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith(MAX_PAGE_SIZE)) {
                try {
                    int size = Integer.parseInt(trimmed.substring(MAX_PAGE_SIZE.length()).trim());
                    return size > 0 ? size : DEFAULT_MAX_PAGE_SIZE;
                } catch (NumberFormatException e) {
                    // A preference the server does not understand is ignored, as RFC 7240 asks.
                    return DEFAULT_MAX_PAGE_SIZE;
                }
            }
        }
        return DEFAULT_MAX_PAGE_SIZE;
    }
}
