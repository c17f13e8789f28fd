package com.trustifi.onboarding.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error this API returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The tenant is not connected to the caller (the same whether it is connected to another partner or to none). */
    public static final String TENANT_NOT_CONNECTED = "/problems/tenant-not-connected";
    /** A consent callback connected nothing: declined, or a state that cannot be used. */
    public static final String CONSENT_REFUSED = "/problems/consent-refused";
    /** The partner's tenant refuses the app since it was connected: its administrator must connect it again. */
    public static final String CONSENT_WITHDRAWN = "/problems/consent-withdrawn";

    /** One offending field: a JSON pointer-like path into the request, and why it was refused. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, List.of());
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", Response.Status.BAD_REQUEST.getStatusCode(), detail, null, errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
