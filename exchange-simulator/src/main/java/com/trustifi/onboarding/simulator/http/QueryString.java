package com.trustifi.onboarding.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Query parameters of a request, decoded; the Graph SDK percent-encodes even the {@code $} of {@code $select}. */
public final class QueryString {

    private QueryString() {
    }

    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    /** Decodes a form-encoded body ({@code application/x-www-form-urlencoded}), which has the query's syntax. */
    public static Map<String, String> parseForm(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
