package com.trustifi.onboarding.api.http;

/** A well-formed request that cannot be carried out as asked, because of one of its fields (422). */
public class UnacceptableRequestException extends RuntimeException {

    private final String field;
    private final String reason;

    public UnacceptableRequestException(String field, String reason) {
        super("The request cannot be carried out; nothing was stored");
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
