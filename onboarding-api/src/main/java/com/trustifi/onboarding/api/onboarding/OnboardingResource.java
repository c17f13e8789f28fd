package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.http.IdempotentRequests;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.QueryParameters;
import com.trustifi.onboarding.api.http.Sha256;
import com.trustifi.onboarding.api.onboarding.order.OnboardingOrder;
import com.trustifi.onboarding.api.onboarding.poll.OnboardingStatusQuery;
import com.trustifi.onboarding.api.partner.CallerPartner;
import com.trustifi.onboarding.api.relayaccount.DomainNames;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.RelayConfiguration;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/v1/onboardings")
@Tag(name = "Onboardings")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    private final OnboardingService onboardings;
    private final OnboardingStatusQuery statuses;
    private final OnboardingConfig config;
    private final CallerPartner caller;
    private final Clock clock;
    private final IdempotentRequests idempotentRequests;

    OnboardingResource(OnboardingService onboardings, OnboardingStatusQuery statuses, OnboardingConfig config,
            CallerPartner caller, Clock clock, IdempotentRequests idempotentRequests) {
        this.onboardings = onboardings;
        this.statuses = statuses;
        this.idempotentRequests = idempotentRequests;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOnboarding", summary = "Connect a tenant to the relay",
            description = "Validates and stores the request; the tenant is configured asynchronously. Poll the Location. "
                    + "With dryRun the worker only reports what it would change (a PLAN).")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The tenant is not connected to you (type /problems/tenant-not-connected; "
            + "Link rel=connect); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant already has an onboarding in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The relay account is unknown or not enabled, or lacks a relay domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid OnboardingRequest request,
            @Parameter(description = "Makes the request safe to retry: the same key and body answer the first response")
            @RestHeader(IdempotentRequests.HEADER) String idempotencyKey,
            UriInfo uriInfo) {
        UUID partnerId = caller.id();
        return idempotentRequests.run(partnerId, idempotencyKey, "POST /v1/onboardings", request,
                () -> accepted(onboardings.accept(partnerId, order(request)), uriInfo));
    }

    @POST
    @Path("/{id}/{action: verify|retry|cancel|offboard|rotate-secret|plan}")
    @Operation(operationId = "actOnOnboarding", summary = "Act on an onboarding",
            description = "verify, plan, offboard and rotate-secret send the tenant a new command, and retry sends a FAILED "
                    + "onboarding's command again: each answers a new onboarding (originId links it) to poll at the "
                    + "Location. cancel stops an onboarding in progress: its command is fenced, so the worker stops it "
                    + "before its next step and never runs it again. The onboarding is CANCELING, and keeps the tenant "
                    + "busy, until the worker confirms (then CANCELED, or what the command reached first), or at most "
                    + "10 minutes; a command not yet sent is CANCELED at once.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "403", description = "The tenant is no longer connected to you (type /problems/tenant-not-connected); "
            + "only cancel is allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such onboarding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The action does not apply now, or the tenant is busy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response act(@RestPath UUID id, @RestPath String action, UriInfo uriInfo) {
        var kind = OnboardingAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        Onboarding onboarding = onboardings.act(caller.id(), id, kind).orElseThrow(() -> new NotFoundException("No onboarding " + id));
        return accepted(onboarding, uriInfo.getBaseUriBuilder().path("v1/onboardings").path(onboarding.id.toString()).build());
    }

    @GET
    @Operation(operationId = "listOnboardings", summary = "The partner's onboardings, oldest first, filtered and a page at a time")
    @APIResponse(responseCode = "200", description = "One page; follow nextCursor for the next",
            content = @Content(schema = @Schema(implementation = OnboardingPage.class)))
    public OnboardingPage list(
            @Parameter(description = "ACCEPTED, RUNNING, PROPAGATING, SUCCEEDED, FAILED, CANCELING or CANCELED") @RestQuery String status,
            @RestQuery @Pattern(regexp = OnboardingRequest.TENANT_ID, message = "must be a tenant GUID or initial domain") String tenantId,
            @Parameter(description = "Only the onboardings of this batch (POST /v1/batches)") @RestQuery String batchId,
            @Parameter(description = "ISO-8601 instant, inclusive") @RestQuery String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @RestQuery String createdTo,
            @Parameter(description = "From the previous page's nextCursor") @RestQuery @Size(max = 200) String cursor,
            @Parameter(description = "At most 500; 100 if absent") @RestQuery @Min(1) @Max(500) Integer limit) {
        int pageSize = limit == null ? 100 : limit;
        var filter = new OnboardingFilter(status == null ? null : QueryParameters.parse("status", () -> OnboardingStatus.valueOf(status)),
                tenantId == null ? null : tenantId.trim().toLowerCase(Locale.ROOT),
                batchId == null ? null : QueryParameters.parse("batchId", () -> UUID.fromString(batchId)),
                createdFrom == null ? null : QueryParameters.parse("createdFrom", () -> Instant.parse(createdFrom)),
                createdTo == null ? null : QueryParameters.parse("createdTo", () -> Instant.parse(createdTo)),
                cursor == null ? null : OnboardingFilter.Position.ofCursor(cursor), pageSize);
        List<Onboarding> page = onboardings.list(caller.id(), filter);
        Onboarding last = page.size() == pageSize ? page.get(page.size() - 1) : null;
        return new OnboardingPage(page.stream().map(OnboardingPage.Item::of).toList(),
                last == null ? null : new OnboardingFilter.Position(last.createdAt, last.id).cursor());
    }

    @GET
    @Path("/{id}")
    @Blocking
    @Operation(operationId = "getOnboarding", summary = "The status of an onboarding and of each of its steps",
            description = "Sends an ETag; with If-None-Match an unchanged onboarding is 304. With waitSeconds the answer "
                    + "waits, at most that long, for the onboarding to change (from If-None-Match if given, else from "
                    + "its state when the request came).")
    @APIResponse(responseCode = "200", description = "The onboarding; Retry-After is set while it runs",
            content = @Content(schema = @Schema(implementation = OnboardingView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since If-None-Match")
    @APIResponse(responseCode = "404", description = "No such onboarding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@RestPath UUID id,
            @Parameter(description = "Wait up to this many seconds (at most 30) for a change") @RestQuery @Min(0) @Max(30)
            Integer waitSeconds,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID partnerId = caller.id();
        Snapshot now = snapshot(partnerId, id);
        if (waitSeconds == null || waitSeconds == 0) {
            return Uni.createFrom().item(respond(now, ifNoneMatch));
        }
        Duration wait = Duration.ofSeconds(waitSeconds).compareTo(config.maxWait()) > 0 ? config.maxWait()
                : Duration.ofSeconds(waitSeconds);
        String from = ifNoneMatch != null ? ifNoneMatch : now.etag().toString();
        return waitForChange(partnerId, id, now, from, clock.instant().plus(wait))
                .map(changed -> respond(changed, ifNoneMatch));
    }

    /** Looks again every check interval on a worker thread; no thread is held while waiting. */
    private Uni<Snapshot> waitForChange(UUID partnerId, UUID id, Snapshot last, String from, Instant deadline) {
        if (!from.equals(last.etag().toString()) || !clock.instant().isBefore(deadline)) {
            return Uni.createFrom().item(last);
        }
        return Uni.createFrom().voidItem()
                .onItem().delayIt().by(config.waitCheckInterval())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> snapshot(partnerId, id))
                .flatMap(next -> waitForChange(partnerId, id, next, from, deadline));
    }

    private Snapshot snapshot(UUID partnerId, UUID id) {
        Onboarding onboarding = statuses.find(partnerId, id).orElseThrow(() -> new NotFoundException("No onboarding " + id));
        return new Snapshot(OnboardingView.of(onboarding), new EntityTag(Sha256.hex(onboarding.version()).substring(0, 32)));
    }

    private Response respond(Snapshot snapshot, String ifNoneMatch) {
        boolean unchanged = snapshot.etag().toString().equals(ifNoneMatch);
        var response = unchanged ? Response.notModified() : Response.ok(snapshot.view());
        response.tag(snapshot.etag());
        if (!snapshot.view().status().isTerminal()) {
            response.header(HttpHeaders.RETRY_AFTER, config.pollAfter().toSeconds());
        }
        return response.build();
    }

    private record Snapshot(OnboardingView view, EntityTag etag) {
    }

    private Response accepted(Onboarding onboarding, UriInfo uriInfo) {
        return accepted(onboarding, uriInfo.getAbsolutePathBuilder().path(onboarding.id.toString()).build());
    }

    private Response accepted(Onboarding onboarding, URI location) {
        var response = Response.accepted(OnboardingView.of(onboarding)).location(location);
        if (!onboarding.status.isTerminal()) {
            response.header(HttpHeaders.RETRY_AFTER, config.pollAfter().toSeconds());
        }
        return response.build();
    }

    public static OnboardingOrder order(OnboardingRequest request) {
        var scope = request.limitedScope() == null ? null : new RelayConfiguration.LimitedScope(
                lower(request.limitedScope().group()),
                request.limitedScope().senderAddresses() == null ? null
                        : request.limitedScope().senderAddresses().stream().map(OnboardingResource::lower).distinct().toList());
        return new OnboardingOrder(
                Boolean.TRUE.equals(request.dryRun()) ? CommandKind.PLAN : CommandKind.ONBOARD,
                request.tenantId().trim().toLowerCase(Locale.ROOT),
                request.relayAccountId(),
                request.relayDomains().stream().map(DomainNames::normalize).distinct().toList(),
                scope,
                lower(request.testRecipient()),
                request.profile());
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
