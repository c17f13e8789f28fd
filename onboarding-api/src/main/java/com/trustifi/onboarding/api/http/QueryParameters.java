package com.trustifi.onboarding.api.http;

import java.util.function.Supplier;

/** Query parameters are parsed here, not by JAX-RS, which would answer a malformed one with 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException malformed) {
            throw new UnacceptableRequestException(field, "has the wrong format");
        }
    }
}
