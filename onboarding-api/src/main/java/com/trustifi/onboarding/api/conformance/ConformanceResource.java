package com.trustifi.onboarding.api.conformance;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.QueryParameters;
import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import com.trustifi.onboarding.api.partner.CallerPartner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The fleet watch as a partner reads and steers it: every tenant the partner onboarded is read again on a schedule,
 * with reads only, and found IN_SYNC, DRIFTED (which properties, since when) or UNREACHABLE (why).
 */
@Path("/v1")
@Tag(name = "Conformance")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ConformanceResource {

    private static final String NOT_WATCHED = "The fleet watch does not watch this tenant for you: "
            + "it watches the tenants you onboarded, until they are offboarded";

    private final ConformanceService conformance;
    private final CallerPartner caller;

    ConformanceResource(ConformanceService conformance, CallerPartner caller) {
        this.conformance = conformance;
        this.caller = caller;
    }

    @GET
    @Path("/tenants/{tenantId}/conformance")
    @Operation(operationId = "getTenantConformance", summary = "What the fleet watch last found in one of the partner's tenants, with its latest checks")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantConformanceView.class)))
    @APIResponse(responseCode = "404", description = "Not a tenant the partner onboarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantConformanceView get(@RestPath @Size(max = 255) String tenantId) {
        return conformance.find(caller.id(), normalized(tenantId)).orElseThrow(() -> new NotFoundException(NOT_WATCHED));
    }

    @PUT
    @Path("/tenants/{tenantId}/conformance/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTenantDriftPolicy", summary = "Give one tenant its own drift policy, or follow the partner's again (null)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantConformanceView.class)))
    @APIResponse(responseCode = "400", description = "Not a policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a tenant the partner onboarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TenantConformanceView setPolicy(@RestPath @Size(max = 255) String tenantId, @NotNull @Valid TenantPolicyRequest request) {
        return conformance.setPolicy(caller.id(), normalized(tenantId), request.policy()).orElseThrow(() -> new NotFoundException(NOT_WATCHED));
    }

    @GET
    @Path("/conformance")
    @Operation(operationId = "listConformance", summary = "The partner's watched tenants by tenant id, filtered by state, a page at a time")
    @APIResponse(responseCode = "200", description = "One page; follow nextCursor for the next",
            content = @Content(schema = @Schema(implementation = ConformancePage.class)))
    public ConformancePage list(
            @Parameter(description = "PENDING, IN_SYNC, DRIFTED or UNREACHABLE") @RestQuery String state,
            @Parameter(description = "From the previous page's nextCursor") @RestQuery @Size(max = 400) String cursor,
            @Parameter(description = "At most 500; 100 if absent") @RestQuery @Min(1) @Max(500) Integer limit) {
        int pageSize = limit == null ? 100 : limit;
        Optional<ConformanceState> wanted = Optional.ofNullable(state)
                .map(name -> QueryParameters.parse("state", () -> ConformanceState.valueOf(name)));
        List<TenantConformanceView> page = conformance.list(caller.id(), wanted, Optional.ofNullable(cursor).map(ConformanceResource::after), pageSize);
        String next = page.size() == pageSize ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(page.size() - 1).tenantId().getBytes(StandardCharsets.UTF_8)) : null;
        return new ConformancePage(page, next);
    }

    @POST
    @Path("/conformance/checks")
    @Operation(operationId = "checkConformanceNow", summary = "Check the partner's watched tenants (or the one named) now, not at their time",
            description = "They become due at once and are checked over the next minutes, within the fleet's budget of checks "
                    + "per minute; follow GET /v1/conformance")
    @APIResponse(responseCode = "202", description = "How many tenants became due",
            content = @Content(schema = @Schema(implementation = DueTenants.class)))
    public Response checkNow(@Parameter(description = "Only this tenant") @RestQuery @Size(max = 255) String tenantId) {
        return Response.accepted(new DueTenants(conformance.checkNow(caller.id(), Optional.ofNullable(tenantId).map(ConformanceResource::normalized))))
                .build();
    }

    /** How many tenants a request made due. */
    public record DueTenants(int due) {
    }

    @GET
    @Path("/conformance/settings")
    @Operation(operationId = "getConformanceSettings", summary = "How often the partner's tenants are checked, and what a drift leads to")
    public ConformanceSettingsView settings() {
        return conformance.settings(caller.id());
    }

    @PUT
    @Path("/conformance/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setConformanceSettings", summary = "Set how often the partner's tenants are checked, and what a drift leads to",
            description = "A shorter interval applies at once; each tenant's own policy stays in force")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConformanceSettingsView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or not a policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The interval is outside PT15M to P7D",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConformanceSettingsView set(@NotNull @Valid ConformanceSettingsRequest request) {
        Duration interval = QueryParameters.parse("checkInterval", () -> Duration.parse(request.checkInterval().trim()));
        return conformance.set(caller.id(), interval, request.policy());
    }

    private static String normalized(String tenantId) {
        return tenantId.trim().toLowerCase(Locale.ROOT);
    }

    private static String after(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notACursor) {
            throw new UnacceptableRequestException("cursor", "is not a cursor this API gave out");
        }
    }
}
