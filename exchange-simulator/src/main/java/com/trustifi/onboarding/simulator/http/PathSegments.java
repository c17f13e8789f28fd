package com.trustifi.onboarding.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The decoded, non-empty segments of a request path: {@code /a/b/} is {@code [a, b]}. */
public final class PathSegments {

    private PathSegments() {
    }

    public static List<String> of(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        return Arrays.stream(raw.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }
}
