package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingService;
import com.trustifi.onboarding.api.onboarding.OnboardingView;
import com.trustifi.onboarding.api.partner.CallerPartner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/v1/tenant-connections")
@Tag(name = "Tenant connections")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class TenantConnectionResource {

    private final TenantConnections connections;
    private final OnboardingService onboardings;
    private final CallerPartner caller;

    TenantConnectionResource(TenantConnections connections, OnboardingService onboardings, CallerPartner caller) {
        this.connections = connections;
        this.onboardings = onboardings;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createConnectLink", summary = "Make a connect link for a customer tenant",
            description = "A tenant can be onboarded only by the partner it is connected to. Send consentUrl to the "
                    + "customer's Global Administrator: granting admin consent there connects the tenant to you. The link "
                    + "works once and expires. A tenant connected to another partner moves to you only through this consent, "
                    + "which cancels the other partner's onboarding in progress.")
    @APIResponse(responseCode = "201", description = "The link",
            content = @Content(schema = @Schema(implementation = ConnectLinkView.class)))
    @APIResponse(responseCode = "400", description = "Invalid tenant id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Tenant connections are not configured on this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response connectLink(@Valid ConnectRequest request) {
        Optional<String> tenantId = Optional.ofNullable(request).map(ConnectRequest::tenantId)
                .map(id -> id.trim().toLowerCase(Locale.ROOT));
        return Response.status(Response.Status.CREATED)
                .entity(ConnectLinkView.of(connections.connectLink(caller.id(), tenantId)))
                .cacheControl(noStore())
                .build();
    }

    @POST
    @Path("/{tenantId}/check")
    @Operation(operationId = "checkTenantConnection", summary = "Check the app's access to a connected tenant again",
            description = "The worker signs in to Graph and Exchange Online as the app, writing nothing. Every consent runs "
                    + "this check by itself; run it again after the tenant's administrator fixed what the last one reported.")
    @APIResponse(responseCode = "202", description = "The check; poll the Location",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "403", description = "The tenant is not connected to you (type /problems/tenant-not-connected)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response check(@RestPath @Pattern(regexp = ConnectRequest.TENANT_GUID, message = "must be a tenant id (GUID)") String tenantId,
            UriInfo uriInfo) {
        Onboarding check = onboardings.checkConnection(caller.id(), tenantId.trim().toLowerCase(Locale.ROOT));
        return Response.accepted(OnboardingView.of(check))
                .location(uriInfo.getBaseUriBuilder().path("v1/onboardings").path(check.id.toString()).build())
                .build();
    }

    @GET
    @Operation(operationId = "listTenantConnections", summary = "The tenants connected to you")
    @APIResponse(responseCode = "200", description = "In the order they were connected",
            content = @Content(schema = @Schema(implementation = TenantConnectionView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<TenantConnectionView> list() {
        return connections.list(caller.id()).stream().map(TenantConnectionView::of).toList();
    }

    @DELETE
    @Path("/{tenantId}")
    @Operation(operationId = "disconnectTenant", summary = "Disconnect a tenant",
            description = "Refused with 409 while the tenant has an onboarding in progress or is onboarded: offboard it first.")
    @APIResponse(responseCode = "204", description = "Disconnected")
    @APIResponse(responseCode = "404", description = "The tenant is not connected to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant is onboarded or has an onboarding in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disconnect(@RestPath @Pattern(regexp = ConnectRequest.TENANT_GUID, message = "must be a tenant id (GUID)") String tenantId) {
        if (!connections.disconnect(caller.id(), tenantId.trim().toLowerCase(Locale.ROOT))) {
            throw new NotFoundException("The tenant is not connected to you");
        }
        return Response.noContent().build();
    }

    private static CacheControl noStore() {
        var cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
