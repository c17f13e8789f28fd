package com.trustifi.onboarding.simulator.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;
import com.trustifi.onboarding.simulator.token.AccessToken;
import com.trustifi.onboarding.simulator.token.BearerAuthentication;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /adminapi/beta/{tenant}/InvokeCommand}: the REST endpoint behind the ExchangeOnlineManagement
 * module, running one cmdlet per call against the tenant named in the URL.
 */
public final class InvokeCommandEndpoint implements HttpHandler {

    private static final String ARGUMENT = "System.ArgumentException";

    private final BearerAuthentication authentication;
    private final TenantRegistry tenants;
    private final CmdletCatalog catalog;
    private final JsonWire json;

    public InvokeCommandEndpoint(BearerAuthentication authentication, TenantRegistry tenants, CmdletCatalog catalog, JsonWire json) {
        this.authentication = authentication;
        this.tenants = tenants;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        List<String> path = PathSegments.of(exchange);
        if (path.size() != 4 || !path.get(1).equals("beta") || !path.get(3).equalsIgnoreCase("InvokeCommand")) {
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
            fail(exchange, new CmdletException(400, "Ex0B1A2C", ARGUMENT, "InvokeCommand accepts only POST."));
            return;
        }
        try {
            List<Map<String, Object>> output = invoke(tenant.get(), body);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("@odata.context", "https://outlook.office365.com/adminapi/beta/" + tenantSegment
                    + "/$metadata#Collection(Exchange.GenericHashTable)");
            answer.put("adminapi.warnings", List.of());
            answer.put("value", output);
            json.send(exchange, 200, answer);
        } catch (CmdletException e) {
            fail(exchange, e);
        }
    }

    private List<Map<String, Object>> invoke(SimulatedTenant tenant, byte[] body) {
        JsonNode input = parse(body).path("CmdletInput");
        JsonNode nameNode = input.path("CmdletName");
        if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new CmdletException(400, "Ex0B1A2C", ARGUMENT, "The request body must contain CmdletInput.CmdletName.");
        }
        String cmdletName = catalog.canonicalName(nameNode.asText().trim());
        CmdletParameters parameters = CmdletParameters.from(input.get("Parameters"));
        String domainController = domainController(tenant);
        return tenant.invokeCmdlet(cmdletName, objects -> catalog.family(cmdletName)
                .orElseThrow(() -> CmdletException.commandNotFound(cmdletName))
                .invoke(cmdletName, parameters, new CmdletContext(objects, domainController)));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = json.mapper().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new CmdletException(400, "Ex0B1A2C", ARGUMENT, "The request body must be a JSON object with CmdletInput.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new CmdletException(400, "Ex0B1A2C", ARGUMENT, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CmdletException(400, "Ex0B1A2C", ARGUMENT, "The request body could not be read: " + e.getMessage());
        }
    }

    /** Exchange names the domain controller that looked for an object; a stable per-tenant name keeps messages realistic. */
    private static String domainController(SimulatedTenant tenant) {
        String shard = tenant.tenantId().substring(0, 6).toUpperCase(Locale.ROOT);
        return "SIM" + shard + "DC01.SIMPR01A001.PROD.OUTLOOK.COM";
    }

    private void refuse(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        json.send(exchange, 401, ExchangeErrorBody.unauthorized(message));
    }

    private void fail(HttpExchange exchange, CmdletException failure) throws IOException {
        json.send(exchange, failure.httpStatus(), ExchangeErrorBody.of(failure));
    }
}
