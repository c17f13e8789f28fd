package com.trustifi.onboarding.simulator.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.token.AccessToken;
import com.trustifi.onboarding.simulator.token.BearerAuthentication;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft Graph v1.0, the read-only part the onboarding needs: {@code /organization} and {@code /domains},
 * each as a collection or by id, and {@code /domains/{id}/serviceConfigurationRecords}, for the tenant
 * named in the bearer token.
 */
public final class GraphEndpoint implements HttpHandler {

    private static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";

    private final BearerAuthentication authentication;
    private final FaultPlan faults;
    private final String clientId;
    private final JsonWire json;
    private final Clock clock;

    public GraphEndpoint(BearerAuthentication authentication, FaultPlan faults, String clientId, JsonWire json, Clock clock) {
        this.authentication = authentication;
        this.faults = faults;
        this.clientId = clientId;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("request-id", requestId);
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        exchange.getResponseHeaders().set("client-request-id", clientRequestId == null ? requestId : clientRequestId);

        BearerAuthentication.Verdict verdict = authentication.check(exchange, AccessToken.GRAPH);
        if (!verdict.accepted()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
            fail(exchange, requestId, GraphError.invalidToken(verdict.refusal()));
            return;
        }
        FaultProfile profile = faults.effectiveFor(verdict.tenant().tenantId());
        if (faults.roll(profile.graphThrottleRate())) {
            throttle(exchange, requestId, verdict.tenant().tenantId(), profile.retryAfterSeconds());
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            fail(exchange, requestId, GraphError.methodNotAllowed());
            return;
        }
        String rawSelect = QueryString.parse(exchange.getRequestURI().getRawQuery()).get("$select");
        PropertySelection selection = PropertySelection.of(rawSelect);
        Optional<Map<String, Object>> answer = answer(verdict.tenant(), PathSegments.of(exchange), selection, rawSelect);
        if (answer.isEmpty()) {
            fail(exchange, requestId, GraphError.notFound(exchange.getRequestURI().getPath()));
            return;
        }
        json.send(exchange, 200, answer.get());
    }

    private static Optional<Map<String, Object>> answer(SimulatedTenant tenant, List<String> path,
                                                        PropertySelection selection, String rawSelect) {
        // path.get(0) is "v1.0", the context this handler is mounted on.
        if (path.size() == 4 && path.get(1).equals("domains") && path.get(3).equals("serviceConfigurationRecords")) {
            return tenant.domains().stream()
                    .filter(domain -> domain.name().equalsIgnoreCase(path.get(2)))
                    .findFirst()
                    .map(domain -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("@odata.context", METADATA + "domains('" + domain.name() + "')/serviceConfigurationRecords");
                        body.put("value", DirectoryResources.serviceConfigurationRecords(domain).stream().map(selection::apply).toList());
                        return body;
                    });
        }
        if (path.size() < 2 || path.size() > 3) {
            return Optional.empty();
        }
        String collection = path.get(1);
        List<Map<String, Object>> resources;
        if (collection.equals("organization")) {
            resources = List.of(DirectoryResources.organization(tenant));
        } else if (collection.equals("domains")) {
            resources = tenant.domains().stream().map(d -> DirectoryResources.domain(tenant, d)).toList();
        } else {
            return Optional.empty();
        }
        String context = METADATA + collection + selection.contextSuffix(rawSelect);
        if (path.size() == 2) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("@odata.context", context);
            body.put("value", resources.stream().map(selection::apply).toList());
            return Optional.of(body);
        }
        String id = path.get(2);
        return resources.stream()
                .filter(r -> String.valueOf(r.get("id")).equalsIgnoreCase(id))
                .findFirst()
                .map(r -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("@odata.context", context + "/$entity");
                    body.putAll(selection.apply(r));
                    return body;
                });
    }

    /**
     * Graph's throttled answer [S12]: Retry-After, and the scope (limit type, application, tenant) and reason headers.
     * Directory reads are limited per application per tenant in resource units, hence the reason given here.
     */
    private void throttle(HttpExchange exchange, String requestId, String tenantId, int retryAfterSeconds) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
        exchange.getResponseHeaders().set("x-ms-throttle-scope", "Tenant_Application/ReadWrite/" + clientId + "/" + tenantId);
        exchange.getResponseHeaders().set("x-ms-throttle-information", "ResourceUnitLimitExceeded");
        fail(exchange, requestId, GraphError.throttled());
    }

    private void fail(HttpExchange exchange, String requestId, GraphError error) throws IOException {
        json.send(exchange, error.httpStatus(), error.body(exchange, requestId, clock.instant()));
    }
}
