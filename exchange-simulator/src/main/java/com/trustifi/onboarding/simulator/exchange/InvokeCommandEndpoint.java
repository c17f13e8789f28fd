package com.trustifi.onboarding.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import com.trustifi.onboarding.simulator.http.DroppedCall;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.token.AccessToken;
import com.trustifi.onboarding.simulator.token.BearerAuthentication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /adminapi/beta/{tenant}/InvokeCommand} and {@code .../$batch}: the REST endpoint behind the
 * ExchangeOnlineManagement module. Here live the faults that concern the HTTP request as a whole: the per-tenant
 * concurrency limit and connections closed without an answer; {@link CmdletService} does the rest.
 */
public final class InvokeCommandEndpoint implements HttpHandler {

    private static final String BATCH = "$batch";

    private final BearerAuthentication authentication;
    private final TenantRegistry tenants;
    private final FaultPlan faults;
    private final CmdletService service;
    private final BatchRequests batches;
    private final String baseUri;
    private final JsonWire json;

    public InvokeCommandEndpoint(BearerAuthentication authentication, TenantRegistry tenants, CmdletCatalog catalog, FaultPlan faults,
                                 RulePropagation propagation, String baseUri, JsonWire json) {
        this.authentication = authentication;
        this.tenants = tenants;
        this.faults = faults;
        this.service = new CmdletService(catalog, faults, propagation);
        this.batches = new BatchRequests(service, tenants, baseUri);
        this.baseUri = baseUri;
        this.json = json;
    }

    static String metadataContext(String tenantSegment) {
        return "https://outlook.office365.com/adminapi/beta/" + tenantSegment + "/$metadata#Collection(Exchange.GenericHashTable)";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        List<String> path = PathSegments.of(exchange);
        boolean batch = path.size() == 4 && path.get(3).equals(BATCH);
        if (path.size() != 4 || !path.get(1).equals("beta") || !(batch || path.get(3).equalsIgnoreCase("InvokeCommand"))) {
            json.send(exchange, 404, ExchangeErrorBody.notFound(exchange.getRequestURI().getPath()));
            return;
        }
        BearerAuthentication.Verdict verdict = authentication.check(exchange, AccessToken.EXCHANGE);
        if (!verdict.accepted()) {
            refuse(exchange, verdict.refusal());
            return;
        }
        String tenantSegment = path.get(2);
        Optional<SimulatedTenant> tenant = tenants.find(tenantSegment);
        // A token is good for its own tenant only, however the URL spells that tenant.
        if (tenant.isEmpty() || tenant.get() != verdict.tenant()) {
            refuse(exchange, "The access token was issued for tenant " + verdict.tenant().tenantId()
                    + " and cannot be used for tenant '" + tenantSegment + "'.");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, InvokeAnswer.error(tenant.get(), CmdletException.argument("InvokeCommand accepts only POST.")));
            return;
        }
        serve(exchange, tenant.get(), tenantSegment, batch, parse(body));
    }

    private void serve(HttpExchange exchange, SimulatedTenant tenant, String tenantSegment, boolean batch, JsonNode body) throws IOException {
        CallTraffic traffic = tenant.traffic();
        Optional<InvokeAnswer> answer;
        int inFlight = traffic.enter();
        try {
            answer = answer(exchange, tenant, tenantSegment, batch, body, inFlight);
        } finally {
            // before the answer goes out: a client that sends its next call as soon as it has the
            // answer must not find this one still counted
            traffic.leave();
        }
        if (answer.isPresent()) {
            send(exchange, answer.get());
        } else {
            DroppedCall.drop(exchange);
        }
    }

    /** The answer to one call while it counts as in flight; empty when the connection is to be dropped. */
    private Optional<InvokeAnswer> answer(HttpExchange exchange, SimulatedTenant tenant, String tenantSegment, boolean batch,
            JsonNode body, int inFlight) {
        CallTraffic traffic = tenant.traffic();
        FaultProfile profile = faults.effectiveFor(tenant.tenantId());
        String cmdlet = batch ? BATCH : service.cmdletName(body);
        Instant arrivedAt = Instant.now();
        if (inFlight > profile.maxConcurrentPerTenant()) {
            traffic.record(new CallRecord(cmdlet, arrivedAt, 429, null, "concurrencyLimit"));
            return Optional.of(InvokeAnswer.concurrencyRefusal());
        }
        if (faults.roll(profile.connectionResetRate())) {
            traffic.record(new CallRecord(cmdlet, arrivedAt, 0, null, "connectionReset"));
            return Optional.empty();
        }
        if (batch) {
            return Optional.of(batches.answer(tenant, body));
        }
        PageRequest page;
        try {
            page = PageRequest.of(exchange.getRequestHeaders().getFirst("Prefer"),
                    QueryString.parse(exchange.getRequestURI().getRawQuery()).get("$skiptoken"));
        } catch (CmdletException e) {
            return Optional.of(InvokeAnswer.error(tenant, e));
        }
        String selfUrl = baseUri + "/adminapi/beta/" + tenantSegment + "/InvokeCommand";
        return Optional.of(service.answer(tenant, body, page, selfUrl, metadataContext(tenantSegment)));
    }

    /** The body as a JSON object, or null: a malformed body is the cmdlet's error to report, after faults had their chance. */
    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = json.mapper().readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void send(HttpExchange exchange, InvokeAnswer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (answer.body() instanceof InvokeAnswer.Raw raw) {
            exchange.getResponseHeaders().set("Content-Type", raw.contentType());
            exchange.sendResponseHeaders(answer.status(), raw.bytes().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(raw.bytes());
            }
            return;
        }
        json.send(exchange, answer.status(), answer.body());
    }

    private void refuse(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        json.send(exchange, 401, ExchangeErrorBody.unauthorized(message));
    }
}
