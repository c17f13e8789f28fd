package com.trustifi.onboarding.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.infrastructure.LocalInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document is one a partner can generate a working client from. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructureResource.class)
class OpenApiDocumentTest {

    /** What a browser calls without a key: where Entra sends the administrator back, and the page that follows. */
    private static final Set<String> PUBLIC = Set.of("completeConsent", "consentResult");

    @Test
    void everyOperationHasAStableIdASecurityRequirementTypedAnswersAndItsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());

        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(name + ": no operationId, or a repeated one");
            }
            boolean secured = operation.path("security").size() > 0;
            if (!secured && !PUBLIC.contains(id)) {
                problems.add(name + ": no security requirement");
            }
            if (secured && !operation.path("responses").has("401")) {
                problems.add(name + ": no 401 problem response");
            }
            if (!operation.path("responses").has("503")) {
                problems.add(name + ": no 503 problem response");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (media.getKey().contains("json") && !schema.has("$ref") && !schema.has("type")) {
                        problems.add(name + " " + response.getKey() + " " + media.getKey() + ": untyped answer");
                    }
                });
                if (!response.getKey().startsWith("2") && !response.getKey().equals("304")
                        && !response.getValue().path("content").has("application/problem+json")) {
                    problems.add(name + " " + response.getKey() + ": not a problem+json answer");
                }
                if (response.getKey().startsWith("2") && response.getValue().path("content").isMissingNode()
                        && !response.getKey().equals("204")) {
                    problems.add(name + " " + response.getKey() + ": answer without content");
                }
            });
        }));

        assertThat(problems).isEmpty();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.path("apiKey").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("operatorKey").path("name").asText()).isEqualTo("X-Operator-Key");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(ids).contains("createOnboarding", "getOnboarding", "listOnboardings", "submitBatch", "createPartner",
                "createConnectLink", "createRelayAccount");
    }
}
