package com.trustifi.onboarding.api.rest;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/onboardings")
@Tag(name = "Onboardings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    private final OnboardingService onboardings;
    private final OnboardingConfig config;

    OnboardingResource(OnboardingService onboardings, OnboardingConfig config) {
        this.onboardings = onboardings;
        this.config = config;
    }

    @POST
    @Operation(summary = "Connect a tenant to the relay",
            description = "Validates and stores the request; the tenant is configured asynchronously. Poll the Location.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant already has an onboarding in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid OnboardingRequest request, UriInfo uriInfo) {
        Onboarding onboarding = onboardings.accept(normalize(request.tenantId()),
                request.relayDomains().stream().map(OnboardingResource::normalize).distinct().toList());
        return Response.accepted(OnboardingView.of(onboarding))
                .location(uriInfo.getAbsolutePathBuilder().path(onboarding.id.toString()).build())
                .header(HttpHeaders.RETRY_AFTER, config.pollAfter().toSeconds())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The status of an onboarding and of each of its steps")
    @APIResponse(responseCode = "200", description = "The onboarding; Retry-After is set while it runs",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "404", description = "No such onboarding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@org.jboss.resteasy.reactive.RestPath UUID id) {
        Onboarding onboarding = onboardings.find(id).orElseThrow(() -> new NotFoundException("No onboarding " + id));
        var response = Response.ok(OnboardingView.of(onboarding));
        if (!onboarding.status.isTerminal()) {
            response.header(HttpHeaders.RETRY_AFTER, config.pollAfter().toSeconds());
        }
        return response.build();
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
