package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.config.ApiDocument;
import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.http.IdempotentRequests;
import com.trustifi.onboarding.api.http.Problem;
import com.trustifi.onboarding.api.http.QueryParameters;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.partner.CallerPartner;
import com.trustifi.onboarding.model.CsvText;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import java.util.List;
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

@Path("/v1/batches")
@Tag(name = "Batches")
@SecurityRequirement(name = ApiDocument.API_KEY)
@SecurityRequirement(name = ApiDocument.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    private static final String RESULTS_HEADER = CsvText.line(List.of("tenantId", "onboardingId", "status", "detail", "remediation",
            "retryable"));

    private final Batches batches;
    private final CallerPartner caller;
    private final IdempotentRequests idempotentRequests;
    private final Validator validator;
    private final OnboardingConfig config;

    BatchResource(Batches batches, CallerPartner caller, IdempotentRequests idempotentRequests, Validator validator,
            OnboardingConfig config) {
        this.batches = batches;
        this.caller = caller;
        this.idempotentRequests = idempotentRequests;
        this.validator = validator;
        this.config = config;
    }

    /** What an Idempotency-Key of a CSV batch is bound to. */
    record CsvSubmission(UUID relayAccountId, String csv) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitBatch", summary = "Connect many tenants to the relay at once",
            description = "Each row is validated like a single onboarding (POST /v1/onboardings), including its relay "
                    + "account and domains and the one onboarding in progress per tenant, counting the batch's earlier "
                    + "rows. The valid rows are accepted together; the others are returned with their reasons.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location for the batch's progress",
            content = @Content(schema = @Schema(implementation = BatchReceiptView.class)))
    @APIResponse(responseCode = "413", description = "More rows than allowed; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No row can be accepted; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@NotNull @Valid BatchRequest request,
            @Parameter(description = "Makes the request safe to retry: the same key and body answer the first response")
            @RestHeader(IdempotentRequests.HEADER) String idempotencyKey,
            UriInfo uriInfo) {
        refuseIfTooLarge(request.rows().size());
        var rows = new BatchRows(validator, request.relayAccountId());
        request.rows().forEach(rows::add);
        return submit(rows, "POST /v1/batches", request, idempotencyKey, uriInfo);
    }

    @POST
    @Consumes(CsvBatch.MEDIA_TYPE)
    @Operation(operationId = "submitCsvBatch", summary = "Connect many tenants to the relay at once, from CSV",
            description = "A header line, then one tenant per line. Columns: tenantId and relayDomains (required; domains "
                    + "separated by ';'), relayAccountId, testRecipient and profile (optional: OLDER_TENANT or ALL_TENANTS). A row without a relay "
                    + "account uses ?relayAccountId=. Errors name rows from 0, the first line after the header.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location for the batch's progress",
            content = @Content(schema = @Schema(implementation = BatchReceiptView.class)))
    public Response submitCsv(String csv,
            @Parameter(description = "The relay account of every row that names none") @RestQuery String relayAccountId,
            @RestHeader(IdempotentRequests.HEADER) String idempotencyKey,
            UriInfo uriInfo) {
        UUID defaultAccount = relayAccountId == null ? null
                : QueryParameters.parse("relayAccountId", () -> UUID.fromString(relayAccountId));
        CsvBatch batch = CsvBatch.parse(csv);
        refuseIfTooLarge(batch.rowCount());
        var rows = new BatchRows(validator, defaultAccount);
        batch.readInto(rows);
        return submit(rows, "POST /v1/batches text/csv", new CsvSubmission(defaultAccount, csv), idempotencyKey, uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBatch", summary = "A batch's progress: its onboardings by status, percent done, an estimate of when it ends, "
            + "and its failures")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "404", description = "No such batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchView get(@RestPath UUID id) {
        return batches.report(caller.id(), id).map(BatchView::of).orElseThrow(() -> new NotFoundException("No batch " + id));
    }

    @GET
    @Path("/{id}/results.csv")
    @Produces(CsvBatch.MEDIA_TYPE)
    @Operation(operationId = "getBatchResults", summary = "One CSV line per tenant of the batch: its onboarding, status, detail and remediation",
            description = "Cells that a spreadsheet would run as a formula are prefixed with a single quote.")
    public Response results(@RestPath UUID id) {
        List<Onboarding> onboardings = batches.onboardings(caller.id(), id)
                .orElseThrow(() -> new NotFoundException("No batch " + id));
        var csv = new StringBuilder(RESULTS_HEADER);
        for (Onboarding onboarding : onboardings) {
            csv.append(CsvText.line(List.of(onboarding.tenantId, onboarding.id.toString(), onboarding.status.name(),
                    onboarding.detail == null ? "" : onboarding.detail,
                    onboarding.remediation == null ? "" : onboarding.remediation,
                    String.valueOf(onboarding.retryable))));
        }
        return Response.ok(csv.toString(), CsvBatch.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-" + id + "-results.csv\"")
                .build();
    }

    private void refuseIfTooLarge(int rows) {
        if (rows > config.batch().maxRows()) {
            throw new BatchTooLargeException(rows, config.batch().maxRows());
        }
    }

    private Response submit(BatchRows rows, String operation, Object request, String idempotencyKey, UriInfo uriInfo) {
        UUID partnerId = caller.id();
        return idempotentRequests.run(partnerId, idempotencyKey, operation, request, () -> {
            BatchReceipt receipt = batches.submit(partnerId, rows.orders(), rows.refused(), rows.count());
            return Response.accepted(BatchReceiptView.of(receipt))
                    .location(uriInfo.getBaseUriBuilder().path("v1/batches").path(receipt.batchId().toString()).build())
                    .build();
        });
    }
}
