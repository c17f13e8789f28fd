package com.trustifi.onboarding.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.trustifi.onboarding.api.database.DatabaseUnreachable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that belongs to no feature into problem+json: invalid or unreadable requests, idempotency
 * conflicts, HTTP errors, the database, the unexpected. Each feature maps its own refusals beside its resource.
 * Nothing internal (and no secret) reaches the body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The partial unique index of migration V2: one active onboarding per tenant. */
    private static final String ONE_ACTIVE_PER_TENANT = "onboarding_one_active_per_tenant";

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid("The request has invalid fields; nothing was stored", errors)
                .at(uri.getPath()).toResponse();
    }

    /** Declared for its own type too, or Quarkus' built-in mapper for it would answer with plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        String reason = e instanceof UnrecognizedPropertyException unknown
                ? RetiredFields.REASONS.getOrDefault(unknown.getPropertyName(), "is not a known field")
                : e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                : e instanceof JsonMappingException ? "has the wrong type or format"
                : "is not valid JSON";
        return Problem.invalid("The request body could not be read; nothing was stored",
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, reason))).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e, UriInfo uri) {
        return new Problem("about:blank", e.inFlight() ? "Conflict" : "Unprocessable request", e.inFlight() ? 409 : 422,
                e.getMessage(), uri.getPath(), List.of(new Problem.FieldError(IdempotentRequests.HEADER, e.getMessage())))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        String detail = status == Response.Status.NOT_FOUND ? "No such resource" : status.getReasonPhrase();
        return Problem.of(status == null ? Response.Status.BAD_REQUEST : status, detail).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (violates(e, ONE_ACTIVE_PER_TENANT)) {
            // two requests for one tenant raced past the check; the database kept one of them
            return Problem.of(Response.Status.CONFLICT, "The tenant already has an onboarding in progress")
                    .at(uri.getPath()).toResponse();
        }
        if (DatabaseUnreachable.isCauseOf(e)) {
            LOG.warn("PostgreSQL is unreachable; answering 503");
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                            "The service cannot reach its database just now; nothing was stored. Try again shortly")
                    .at(uri.getPath()).toResponse()).header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, 5).build();
        }
        LOG.error("Request failed", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be completed; it can be retried")
                .at(uri.getPath()).toResponse();
    }

    /** Whether the failure, or any of its causes, is the database refusing a row under this constraint. */
    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /** "create.request.relayDomains[1].<list element>" becomes "relayDomains[1]". */
    public static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        return nodes.stream()
                .filter(node -> node.getKind() == jakarta.validation.ElementKind.PROPERTY
                        || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT)
                .map(node -> node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""))
                .map(name -> name.replace("<list element>", ""))
                .collect(Collectors.joining("."))
                .replace(".[", "[")
                .transform(path -> path.isEmpty() ? "body" : path);
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    @ServerExceptionMapper
    public Response unacceptable(UnacceptableRequestException e, UriInfo uri) {
        return new Problem("about:blank", "Unprocessable request", 422, e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError(e.field(), e.reason()))).toResponse();
    }
}
