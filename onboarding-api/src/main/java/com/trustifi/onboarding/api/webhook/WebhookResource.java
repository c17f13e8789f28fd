package com.trustifi.onboarding.api.webhook;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.partner.CallerPartner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhook")
@Tag(name = "Webhook")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final CallerPartner caller;

    WebhookResource(Webhooks webhooks, CallerPartner caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setWebhook", summary = "Set where the partner's onboarding events are POSTed",
            description = "Each call carries " + WebhookSignature.TIMESTAMP_HEADER + " (Unix seconds) and "
                    + WebhookSignature.SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of timestamp + '.' + body>. "
                    + "A call not answered with 2xx is tried again, with a wait that doubles each time.")
    @APIResponse(responseCode = "200", description = "Set; a generated secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "The URL may not be called",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@NotNull @Valid WebhookRequest request) {
        var saved = webhooks.set(caller.id(), request.url().trim(), Optional.ofNullable(request.secret()), request.events());
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(WebhookView.of(saved.webhook(), saved.generatedSecret().orElse(null))).cacheControl(noStore).build();
    }

    @GET
    @Operation(operationId = "getWebhook", summary = "The partner's webhook, without its secret")
    public WebhookView get() {
        return webhooks.find(caller.id()).map(webhook -> WebhookView.of(webhook, null))
                .orElseThrow(() -> new NotFoundException("No webhook is set"));
    }

    @DELETE
    @Operation(operationId = "deleteWebhook", summary = "Stop sending events; those not yet delivered are dropped")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete() {
        if (!webhooks.delete(caller.id())) {
            throw new NotFoundException("No webhook is set");
        }
        return Response.noContent().build();
    }
}
