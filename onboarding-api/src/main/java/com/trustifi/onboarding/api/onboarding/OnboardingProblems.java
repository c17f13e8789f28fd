package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.onboarding.access.TenantNotConnectedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json answers of onboarding refusals: a tenant busy, an action that does not fit the state, a request that cannot be carried out. */
public class OnboardingProblems {

    @ServerExceptionMapper
    public Response inProgress(OnboardingInProgressException e, UriInfo uri) {
        if (e.activeOnboardingId().isEmpty()) {
            return Problem.of(Response.Status.CONFLICT, "The tenant cannot be onboarded now: another onboarding of it is in progress")
                    .at(uri.getPath()).toResponse();
        }
        String active = uri.getBaseUriBuilder().path("v1/onboardings").path(e.activeOnboardingId().get().toString())
                .build().toString();
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT,
                        "The tenant already has an onboarding in progress: " + active).at(uri.getPath()).toResponse())
                .link(active, "active")
                .build();
    }

    @ServerExceptionMapper
    public Response wrongState(OnboardingStateException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notConnected(TenantNotConnectedException e, UriInfo uri) {
        String connect = uri.getBaseUriBuilder().path("v1/tenant-connections").build().toString();
        return Response.fromResponse(new Problem(Problem.TENANT_NOT_CONNECTED, "Tenant not connected", 403, e.getMessage(),
                        uri.getPath(), List.of(new Problem.FieldError("tenantId", TenantNotConnectedException.REASON))).toResponse())
                .link(connect, "connect")
                .build();
    }
}
