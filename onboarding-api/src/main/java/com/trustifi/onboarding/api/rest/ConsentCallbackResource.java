package com.trustifi.onboarding.api.rest;

import com.trustifi.onboarding.api.connection.ConsentCallback;
import com.trustifi.onboarding.api.connection.TenantConnections;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Where Entra sends a customer's administrator back after the admin-consent page: the app's redirect URI. */
@Path("/v1/tenant-connections/callback")
@Tag(name = "Tenant connections")
@PublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class ConsentCallbackResource {

    private final TenantConnections connections;

    ConsentCallbackResource(TenantConnections connections) {
        this.connections = connections;
    }

    @GET
    @Operation(operationId = "completeConsent", summary = "Admin-consent redirect (called by the administrator's browser, not by partners)",
            description = "Needs no key: the signed, single-use state of the connect link says which partner the tenant is "
                    + "connected to. A declined consent, or an expired, used or altered state, connects nothing.")
    @APIResponse(responseCode = "200", description = "The tenant is connected",
            content = @Content(schema = @Schema(implementation = TenantConnectionView.class)))
    @APIResponse(responseCode = "400", description = "The state cannot be used, or the answer names no tenant; nothing was connected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The administrator declined consent; nothing was connected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantConnectionView complete(@RestQuery String tenant, @RestQuery("admin_consent") String adminConsent,
            @RestQuery String state, @RestQuery String error, @RestQuery("error_description") String errorDescription) {
        return TenantConnectionView.of(connections.complete(new ConsentCallback(tenant, adminConsent, state, error, errorDescription)));
    }
}
