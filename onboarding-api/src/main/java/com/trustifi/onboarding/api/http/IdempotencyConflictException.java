package com.trustifi.onboarding.api.http;

/** The Idempotency-Key cannot be used for this request: reused with another body (422), or its first request is still running (409). */
public class IdempotencyConflictException extends RuntimeException {

    private final boolean inFlight;

    IdempotencyConflictException(boolean inFlight, String message) {
        super(message);
        this.inFlight = inFlight;
    }

    public boolean inFlight() {
        return inFlight;
    }
}
