package com.trustifi.onboarding.api.connection;

/** A consent callback that connects nothing: the field at fault and why, in words for the administrator or partner. */
public class ConsentRefusedException extends RuntimeException {

    private final String field;
    private final String reason;
    private final boolean denied;

    private ConsentRefusedException(String field, String reason, boolean denied) {
        super("The tenant was not connected");
        this.field = field;
        this.reason = reason;
        this.denied = denied;
    }

    static ConsentRefusedException invalid(String field, String reason) {
        return new ConsentRefusedException(field, reason, false);
    }

    static ConsentRefusedException denied(String reason) {
        return new ConsentRefusedException("error", reason, true);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The administrator declined (Entra's {@code error}), as opposed to a link that cannot be used. */
    public boolean denied() {
        return denied;
    }
}
