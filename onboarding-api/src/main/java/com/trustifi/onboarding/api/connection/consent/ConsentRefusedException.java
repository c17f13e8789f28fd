package com.trustifi.onboarding.api.connection.consent;

/** A consent callback that connects nothing: the field at fault and why, in words for the administrator or partner. */
public class ConsentRefusedException extends RuntimeException {

    /** Why nothing was connected, which decides the answer's status. */
    public enum Kind {
        /** The callback cannot be used: a state, code or token that is not valid (400). */
        INVALID(400),
        /** The administrator cancelled, or Entra refused on their behalf (403). */
        DENIED(403),
        /** The person who signed in holds no role that may consent for the whole organization (403). */
        ROLE_NEEDED(403),
        /** Entra could not be reached; the person may try again later with a new link (503). */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String field;
    private final String reason;
    private final Kind kind;

    private ConsentRefusedException(String field, String reason, Kind kind) {
        super("The tenant was not connected");
        this.field = field;
        this.reason = reason;
        this.kind = kind;
    }

    public static ConsentRefusedException invalid(String field, String reason) {
        return new ConsentRefusedException(field, reason, Kind.INVALID);
    }

    public static ConsentRefusedException denied(String reason) {
        return new ConsentRefusedException("error", reason, Kind.DENIED);
    }

    public static ConsentRefusedException roleNeeded(String reason) {
        return new ConsentRefusedException("wids", reason, Kind.ROLE_NEEDED);
    }

    static ConsentRefusedException unavailable(String reason) {
        return new ConsentRefusedException("code", reason, Kind.UNAVAILABLE);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }
}
