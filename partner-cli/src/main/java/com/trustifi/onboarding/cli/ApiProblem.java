package com.trustifi.onboarding.cli;

import java.util.List;
import java.util.stream.Collectors;

/** An RFC 9457 problem the API answered, with one entry per offending field. */
record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A field, such as rows[17].tenantId, and why the API refused it. */
    record FieldError(String field, String reason) {

        @Override
        public String toString() {
            return (field == null || field.isBlank() ? "(request)" : field) + ": " + reason;
        }
    }

    /** What the user reads: the status and title, the detail, then each field on a line of its own as "field: reason". */
    String describe() {
        String heading = "The API answered " + status + (title == null ? "" : " " + title)
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (errors.isEmpty()) {
            return heading;
        }
        return heading + errors.stream().map(error -> "\n  " + error).collect(Collectors.joining());
    }
}
