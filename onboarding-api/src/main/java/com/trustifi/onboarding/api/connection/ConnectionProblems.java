package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.connection.consent.ConsentRefusedException;
import com.trustifi.onboarding.api.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json answers of tenant-connection refusals: not connected, consent withdrawn, a consent that connected nothing. */
public class ConnectionProblems {

    @ServerExceptionMapper
    public Response consentWithdrawn(ConsentWithdrawnException e, UriInfo uri) {
        String connect = uri.getBaseUriBuilder().path("v1/tenant-connections").build().toString();
        return Response.fromResponse(new Problem(Problem.CONSENT_WITHDRAWN, "Consent withdrawn", 403, e.getMessage(), uri.getPath(),
                        List.of(new Problem.FieldError("tenantId", ConsentWithdrawnException.REMEDIATION))).toResponse())
                .link(connect, "connect")
                .build();
    }

    @ServerExceptionMapper
    public Response consentRefused(ConsentRefusedException e, UriInfo uri) {
        String title = switch (e.kind()) {
            case INVALID -> "Consent not usable";
            case DENIED -> "Consent declined";
            case ROLE_NEEDED -> "Administrator role needed";
            case UNAVAILABLE -> "Entra unavailable";
        };
        return new Problem(Problem.CONSENT_REFUSED, title, e.kind().status(), e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError(e.field(), e.reason()))).toResponse();
    }

    @ServerExceptionMapper
    public Response connectionsUnavailable(TenantConnectionsUnavailableException e, UriInfo uri) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).at(uri.getPath()).toResponse();
    }
}
