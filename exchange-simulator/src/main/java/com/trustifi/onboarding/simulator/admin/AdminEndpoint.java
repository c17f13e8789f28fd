package com.trustifi.onboarding.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantConflictException;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/tenants}: create and inspect tenants. Unauthenticated on purpose: it exists for tests,
 * the local stack and operators, and the simulator listens on loopback only.
 */
public final class AdminEndpoint implements HttpHandler {

    private final TenantRegistry tenants;
    private final JsonWire json;

    public AdminEndpoint(TenantRegistry tenants, JsonWire json) {
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        List<String> path = PathSegments.of(exchange);
        String method = exchange.getRequestMethod();
        if (path.size() == 2 && path.get(1).equals("tenants") && method.equals("POST")) {
            create(exchange);
            return;
        }
        exchange.getRequestBody().readAllBytes();
        if (path.size() == 2 && path.get(1).equals("tenants") && method.equals("GET")) {
            json.send(exchange, 200, tenants.all().stream().map(SimulatedTenant::tenantId).toList());
        } else if (path.size() == 3 && path.get(1).equals("tenants") && method.equals("GET")) {
            SimulatedTenant tenant = tenants.find(path.get(2)).orElse(null);
            if (tenant == null) {
                json.send(exchange, 404, error("Tenant '" + path.get(2) + "' not found."));
            } else {
                json.send(exchange, 200, TenantStateView.of(tenant));
            }
        } else if (path.size() >= 2 && path.get(1).equals("tenants")) {
            json.send(exchange, 405, error(method + " is not supported on " + exchange.getRequestURI().getPath()));
        } else {
            json.send(exchange, 404, error("No admin endpoint at " + exchange.getRequestURI().getPath()));
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        SimulatedTenant created;
        try {
            created = tenants.register(SimulatedTenant.from(json.read(exchange, TenantSpec.class)));
        } catch (TenantConflictException e) {
            json.send(exchange, 409, error(e.getMessage()));
            return;
        } catch (JsonProcessingException e) {
            json.send(exchange, 400, error("Invalid tenant spec: " + e.getOriginalMessage()));
            return;
        } catch (IllegalArgumentException e) {
            json.send(exchange, 400, error(e.getMessage()));
            return;
        }
        exchange.getResponseHeaders().set("Location", "/admin/tenants/" + created.tenantId());
        json.send(exchange, 201, TenantStateView.of(created));
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
