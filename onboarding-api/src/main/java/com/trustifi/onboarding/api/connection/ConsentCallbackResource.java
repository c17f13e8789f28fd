package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.connection.consent.ConsentCallback;
import com.trustifi.onboarding.api.connection.consent.ConsentRefusedException;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.PublicEndpoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where Entra sends a customer's administrator back, after sign-in and after admin consent: the app's redirect URI.
 * A person's browser gets HTML pages; a client that asks for JSON only gets JSON and problem+json.
 */
@Path("/v1/tenant-connections/callback")
@Tag(name = "Tenant connections")
@PublicEndpoint
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
public class ConsentCallbackResource {

    private final TenantConnections connections;

    ConsentCallbackResource(TenantConnections connections) {
        this.connections = connections;
    }

    @GET
    @Operation(operationId = "completeConsent", summary = "Sign-in and admin-consent redirect (called by the administrator's browser, not by partners)",
            description = "Needs no key. After sign-in (code, state) the code is redeemed and the administrator's id token verified; "
                    + "the browser goes on (303) to admin consent in the administrator's own tenant. After admin consent (tenant, "
                    + "admin_consent, state) the tenant is connected if it is the one the administrator signed in to. Each state "
                    + "works once. A cancelled sign-in or consent, a user without an administrator role, or anything forged or "
                    + "replayed connects nothing and changes no connection.")
    @APIResponse(responseCode = "200", description = "The tenant is connected: the result page, or its JSON",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantConnectionView.class)))
    @APIResponse(responseCode = "303", description = "Signed in: on to Entra's admin consent")
    @APIResponse(responseCode = "400", description = "The state, code or id token cannot be used; nothing was connected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Declined, or the administrator lacks a role that may consent for the organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complete(@RestQuery String code, @RestQuery String tenant, @RestQuery("admin_consent") String adminConsent,
            @RestQuery String state, @RestQuery String error, @RestQuery("error_description") String errorDescription,
            HttpHeaders headers) {
        boolean json = wantsJson(headers);
        try {
            ConsentOutcome outcome = connections.complete(new ConsentCallback(code, tenant, adminConsent, state, error, errorDescription));
            if (outcome instanceof ConsentOutcome.SignedIn signedIn) {
                return ConsentPage.redirect(signedIn.adminConsentUrl());
            }
            ConsentOutcome.Connected connected = (ConsentOutcome.Connected) outcome;
            return json
                    ? Response.ok(TenantConnectionView.of(connected.connection())).type(MediaType.APPLICATION_JSON_TYPE).build()
                    : ConsentPage.connected(connected.result(), connected.resultState());
        } catch (ConsentRefusedException refused) {
            if (json) {
                throw refused;
            }
            return ConsentPage.refused(refused);
        }
    }

    @GET
    @Path("/result")
    @Operation(operationId = "consentResult", summary = "The result page of a connect link (for the administrator's browser)",
            description = "Read-only, until the link expires: which partner the tenant was connected to and how the check "
                    + "of the app's access is doing.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a result state of this service, or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response result(@RestQuery String state, HttpHeaders headers) {
        try {
            return ConsentPage.connected(connections.result(state), state);
        } catch (ConsentRefusedException refused) {
            if (wantsJson(headers)) {
                throw refused;
            }
            return ConsentPage.refused(refused);
        }
    }

    /** JSON only for a client that asks for it and not for HTML: browsers always ask for HTML. */
    private static boolean wantsJson(HttpHeaders headers) {
        String accept = String.join(",", headers.getRequestHeader(HttpHeaders.ACCEPT));
        return accept.contains("json") && !accept.contains("text/html");
    }
}
