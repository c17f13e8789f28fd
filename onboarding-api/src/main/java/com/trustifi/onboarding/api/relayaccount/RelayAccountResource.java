package com.trustifi.onboarding.api.relayaccount;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.partner.CallerPartner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/v1/relay-accounts")
@Tag(name = "Relay accounts")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class RelayAccountResource {

    private final RelayAccounts accounts;
    private final CallerPartner caller;

    RelayAccountResource(RelayAccounts accounts, CallerPartner caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRelayAccount", summary = "Set up a customer's relay (seed steps 1-6)",
            description = "The relay secret is in this response and in no other: store it now.")
    @APIResponse(responseCode = "201", description = "Created; relaySecret is shown this once",
            content = @Content(schema = @Schema(implementation = RelayAccountView.class)))
    @APIResponse(responseCode = "403", description = "The plan is not PRO or the access level is not ADMIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid RelayAccountRequest request, UriInfo uriInfo) {
        var created = accounts.create(caller.id(), new NewRelayAccount(
                request.customerName().trim(),
                request.plan(),
                request.accessLevel(),
                request.domains().stream().map(DomainNames::normalize).distinct().toList(),
                DomainNames.toAscii(request.mtaHost()).orElse(request.mtaHost()),
                request.mtaPort() == null ? 25 : request.mtaPort(),
                request.enabled() == null || request.enabled()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.account().id.toString()).build())
                .entity(RelayAccountView.of(created.account(), created.relaySecret().orElse(null)))
                .cacheControl(noStore())
                .build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateRelaySecret", summary = "Replace the relay secret",
            description = "The new secret is in this response and in no other. Tenants keep the old one until the "
                    + "rotate-secret action of their onboarding carries the new one to Exchange.")
    @APIResponse(responseCode = "200", description = "Replaced; relaySecret is shown this once",
            content = @Content(schema = @Schema(implementation = RelayAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such enabled relay account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotateSecret(@RestPath UUID id) {
        var rotated = accounts.rotateSecret(caller.id(), id)
                .orElseThrow(() -> new NotFoundException("No enabled relay account " + id));
        return Response.ok(RelayAccountView.of(rotated.account(), rotated.relaySecret().orElseThrow()))
                .cacheControl(noStore())
                .build();
    }

    /** The secret must not stay in any cache between the partner and us. */
    private static CacheControl noStore() {
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRelayAccount", summary = "A relay account, without its secret")
    public RelayAccountView get(@RestPath UUID id) {
        return accounts.find(caller.id(), id).map(RelayAccountView::of)
                .orElseThrow(() -> new NotFoundException("No relay account " + id));
    }
}
