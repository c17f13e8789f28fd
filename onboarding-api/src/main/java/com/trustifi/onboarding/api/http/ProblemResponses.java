package com.trustifi.onboarding.api.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation of the OpenAPI document the problems any request can meet, so that each
 * one need not repeat them: 401 where a key or token is needed, and 503 (with Retry-After) while the
 * database cannot be reached; and gives every error answer its problem+json body.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty() && !responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", problem("No valid key or token was sent"));
        }
        // answers Quarkus documents by itself (400 for a refused body, say) are problem+json like every error here
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") && !status.equals("304") && response.getContent() == null) {
                response.content(problem(response.getDescription()).getContent());
            }
        });
        if (!responses.hasAPIResponse("503")) {
            APIResponse unavailable = problem("The service cannot reach its database just now; nothing was stored. Retry after the Retry-After seconds");
            unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
            responses.addAPIResponse("503", unavailable);
        }
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(PROBLEM_JSON, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }
}
