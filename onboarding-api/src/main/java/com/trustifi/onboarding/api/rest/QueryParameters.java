package com.trustifi.onboarding.api.rest;

import com.trustifi.onboarding.api.onboarding.UnacceptableRequestException;
import java.util.function.Supplier;

/** Query parameters are parsed here, not by JAX-RS, which would answer a malformed one with 404. */
final class QueryParameters {

    private QueryParameters() {
    }

    static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException malformed) {
            throw new UnacceptableRequestException(field, "has the wrong format");
        }
    }
}
