package com.trustifi.onboarding.api.partner;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.http.OperatorEndpoint;
import com.trustifi.onboarding.api.http.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Operators create partners and their API keys; each key is in the response once and never again. */
@Path("/v1/operator/partners")
@Tag(name = "Operator")
@SecurityRequirement(name = ApiDocument.OPERATOR_KEY)
@OperatorEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final ApiKeys apiKeys;

    OperatorResource(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    public record PartnerRequest(@NotBlank @Size(max = 200) String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Create a partner with its first API key (X-Operator-Key)")
    @APIResponse(responseCode = "201", description = "Created; the API key is shown this once and stored hashed",
            content = @Content(schema = @Schema(implementation = ApiKeys.IssuedKey.class)))
    @APIResponse(responseCode = "400", description = "Invalid name; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createPartner(@NotNull @Valid PartnerRequest request) {
        return Response.status(Response.Status.CREATED).entity(apiKeys.createPartner(request.name().trim())).build();
    }

    @POST
    @Path("/{partnerId}/api-keys")
    @Operation(operationId = "addPartnerApiKey", summary = "Issue another API key for a partner (X-Operator-Key)")
    @APIResponse(responseCode = "201", description = "Issued; the API key is shown this once and stored hashed",
            content = @Content(schema = @Schema(implementation = ApiKeys.IssuedKey.class)))
    @APIResponse(responseCode = "404", description = "No such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addKey(@RestPath UUID partnerId) {
        return apiKeys.addKey(partnerId)
                .map(issued -> Response.status(Response.Status.CREATED).entity(issued).build())
                .orElseThrow(() -> new NotFoundException("No partner " + partnerId));
    }
}
