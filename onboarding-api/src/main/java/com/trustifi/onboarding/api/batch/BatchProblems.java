package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json answers of a refused or oversized batch: each refused row under its own field. */
public class BatchProblems {

    @ServerExceptionMapper
    public Response batchRefused(BatchRefusedException e, UriInfo uri) {
        return new Problem("about:blank", "Unprocessable request", 422, e.getMessage(), uri.getPath(),
                e.refused().stream().map(BatchRows::error).toList()).toResponse();
    }

    @ServerExceptionMapper
    public Response batchTooLarge(BatchTooLargeException e, UriInfo uri) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).at(uri.getPath()).toResponse();
    }
}
