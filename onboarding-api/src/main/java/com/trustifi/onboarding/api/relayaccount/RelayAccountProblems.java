package com.trustifi.onboarding.api.relayaccount;

import com.trustifi.onboarding.api.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json answer of a relay account the caller may not use. */
public class RelayAccountProblems {

    @ServerExceptionMapper
    public Response denied(RelayAccessDeniedException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).at(uri.getPath()).toResponse();
    }
}
