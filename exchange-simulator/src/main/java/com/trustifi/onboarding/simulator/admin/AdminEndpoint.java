package com.trustifi.onboarding.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantConflictException;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletCatalog;
import com.trustifi.onboarding.simulator.exchange.CmdletException;
import com.trustifi.onboarding.simulator.exchange.CmdletParameters;
import com.trustifi.onboarding.simulator.exchange.RulePropagation;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.PathSegments;
import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.signin.SigningKeys;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/...}: create and inspect tenants (objects and counters of calls and writes) and their users, change their
 * objects as their administrator would, set faults and the rule propagation delay, rotate the id-token signing keys. Unauthenticated and never
 * faulted on purpose: it exists for tests, the local stack and operators, and the simulator listens on loopback only.
 */
public final class AdminEndpoint implements HttpHandler {

    private final TenantRegistry tenants;
    private final CmdletCatalog catalog;
    private final FaultPlan faults;
    private final RulePropagation propagation;
    private final SigningKeys signingKeys;
    private final JsonWire json;

    public AdminEndpoint(TenantRegistry tenants, CmdletCatalog catalog, FaultPlan faults, RulePropagation propagation,
            SigningKeys signingKeys, JsonWire json) {
        this.catalog = catalog;
        this.signingKeys = signingKeys;
        this.tenants = tenants;
        this.faults = faults;
        this.propagation = propagation;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        List<String> segments = PathSegments.of(exchange);
        // segments.get(0) is "admin", the context this handler is mounted on.
        List<String> path = segments.subList(1, segments.size());
        String method = exchange.getRequestMethod();
        String route = method + " " + shape(path);
        switch (route) {
            case "POST tenants" -> create(exchange);
            case "GET tenants" -> json.send(exchange, 200, tenants.all().stream().map(SimulatedTenant::tenantId).toList());
            case "GET tenants/{t}" -> withTenant(exchange, path.get(1), t -> json.send(exchange, 200, TenantStateView.of(t, faults)));
            case "GET tenants/{t}/faults" -> withTenant(exchange, path.get(1),
                    t -> json.send(exchange, 200, faults.effectiveFor(t.tenantId())));
            case "PUT tenants/{t}/faults" -> withTenant(exchange, path.get(1), t -> {
                Optional<FaultProfile> profile = readProfile(exchange);
                if (profile.isPresent()) {
                    faults.tenant(t.tenantId(), profile.get());
                    json.send(exchange, 200, profile.get());
                }
            });
            case "DELETE tenants/{t}/faults" -> withTenant(exchange, path.get(1), t -> {
                faults.clearTenant(t.tenantId());
                json.send(exchange, 200, faults.global());
            });
            case "POST tenants/{t}/users" -> withTenant(exchange, path.get(1), t -> addUser(exchange, t));
            case "POST tenants/{t}/administrator-changes" -> withTenant(exchange, path.get(1), t -> administratorChange(exchange, t));
            case "POST signing-keys/rotate" -> rotateKeys(exchange);
            case "PUT tenants/{t}/app-access" -> withTenant(exchange, path.get(1), t -> appAccess(exchange, t));
            case "GET faults" -> json.send(exchange, 200, faults.global());
            case "PUT faults" -> {
                Optional<FaultProfile> profile = readProfile(exchange);
                if (profile.isPresent()) {
                    faults.global(profile.get());
                    json.send(exchange, 200, profile.get());
                }
            }
            case "GET propagation" -> json.send(exchange, 200, propagationView());
            case "PUT propagation" -> setPropagation(exchange);
            default -> json.send(exchange, 404, error("No admin endpoint for " + method + " " + exchange.getRequestURI().getPath()));
        }
    }

    /** The path with the tenant segment abstracted, e.g. {@code tenants/{t}/faults}. */
    private static String shape(List<String> path) {
        if (path.size() >= 2 && path.get(0).equals("tenants")) {
            return "tenants/{t}" + (path.size() > 2 ? "/" + String.join("/", path.subList(2, path.size())) : "");
        }
        return String.join("/", path);
    }

    private interface TenantAction {
        void apply(SimulatedTenant tenant) throws IOException;
    }

    private void withTenant(HttpExchange exchange, String name, TenantAction action) throws IOException {
        Optional<SimulatedTenant> tenant = tenants.find(name);
        if (tenant.isEmpty()) {
            json.send(exchange, 404, error("Tenant '" + name + "' not found."));
            return;
        }
        action.apply(tenant.get());
    }

    /** The profile in the body, or empty after answering 400. */
    private Optional<FaultProfile> readProfile(HttpExchange exchange) throws IOException {
        try {
            return Optional.of(FaultProfile.fromJson(json.readTree(exchange)));
        } catch (JsonProcessingException e) {
            json.send(exchange, 400, error("Invalid fault profile: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            json.send(exchange, 400, error("Invalid fault profile: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The JSON body, or empty after answering 400. */
    private Optional<JsonNode> readBody(HttpExchange exchange) throws IOException {
        try {
            return Optional.of(json.readTree(exchange)).or(() -> Optional.of(com.fasterxml.jackson.databind.node.NullNode.getInstance()));
        } catch (JsonProcessingException e) {
            json.send(exchange, 400, error("Invalid JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    private void setPropagation(HttpExchange exchange) throws IOException {
        Optional<JsonNode> read = readBody(exchange);
        if (read.isEmpty()) {
            return;
        }
        JsonNode body = read.get();
        JsonNode seconds = body.get("transportRuleDelaySeconds");
        if (seconds == null || !seconds.canConvertToLong() || seconds.asLong() < 0) {
            json.send(exchange, 400, error("Expected {\"transportRuleDelaySeconds\": N} with N >= 0."));
            return;
        }
        propagation.delay(Duration.ofSeconds(seconds.asLong()));
        json.send(exchange, 200, propagationView());
    }

    private Map<String, Object> propagationView() {
        return Map.of("transportRuleDelaySeconds", propagation.delay().toSeconds());
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
        json.send(exchange, 201, TenantStateView.of(created, faults));
    }

    /**
     * A user who can sign in to the tenant: {@code {"userPrincipalName": "...", "password": "...", "roles": ["<role template id>"]}}.
     * The answer leaves the password out.
     */
    private void addUser(HttpExchange exchange, SimulatedTenant tenant) throws IOException {
        DirectoryUser user;
        try {
            user = tenant.addUser(json.read(exchange, DirectoryUser.class));
        } catch (JsonProcessingException e) {
            json.send(exchange, 400, error("Expected {\"userPrincipalName\": \"name@domain\", \"password\": \"...\", \"roles\": [...]}: "
                    + e.getOriginalMessage()));
            return;
        } catch (IllegalArgumentException | NullPointerException e) {
            json.send(exchange, 400, error(String.valueOf(e.getMessage())));
            return;
        }
        json.send(exchange, 201, Map.of("userPrincipalName", user.userPrincipalName(), "objectId", user.objectId(), "roles", user.roles()));
    }

    /**
     * What the tenant's own administrator (or another vendor's tool) changes in Exchange, outside the relay's calls and
     * so not counted as its traffic: {@code {"cmdlet": "Set-TransportRule", "parameters": {"Identity": "...", ...}}}, e.g.
     * disable a connector, move or edit a rule, remove it. Answers what the cmdlet answers, or its error with 400.
     */
    private void administratorChange(HttpExchange exchange, SimulatedTenant tenant) throws IOException {
        Optional<JsonNode> read = readBody(exchange);
        if (read.isEmpty()) {
            return;
        }
        JsonNode body = read.get();
        if (!body.path("cmdlet").isTextual() || !body.path("parameters").isObject()) {
            json.send(exchange, 400, error("Expected {\"cmdlet\": \"Set-TransportRule\", \"parameters\": {\"Identity\": \"...\"}}."));
            return;
        }
        try {
            json.send(exchange, 200, tenant.run(catalog, body.get("cmdlet").asText(), CmdletParameters.from(body.get("parameters")),
                    propagation.delay()));
        } catch (CmdletException e) {
            json.send(exchange, 400, error(e.getMessage()));
        }
    }

    /** Signs id tokens with a new key from now on: {@code {"retirePrevious": true}} also stops publishing the old ones. */
    private void rotateKeys(HttpExchange exchange) throws IOException {
        Optional<JsonNode> read = readBody(exchange);
        if (read.isEmpty()) {
            return;
        }
        String kid = signingKeys.rotate(read.get().path("retirePrevious").asBoolean(false));
        json.send(exchange, 200, Map.of("kid", kid));
    }

    /** Sets what the tenant's administrator did outside the consent page: {@code {"consent": "REVOKED", "exchangeRoleAssigned": false}}. */
    private void appAccess(HttpExchange exchange, SimulatedTenant tenant) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(exchange);
            if (body != null && body.has("consent")) {
                tenant.appConsent(AppConsent.valueOf(body.get("consent").asText()));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            json.send(exchange, 400, error("Expected {\"consent\": \"NEVER_GRANTED|GRANTED|REVOKED\", \"exchangeRoleAssigned\": true|false}."));
            return;
        }
        if (body != null && body.path("exchangeRoleAssigned").isBoolean()) {
            tenant.exchangeRoleAssigned(body.get("exchangeRoleAssigned").asBoolean());
        }
        json.send(exchange, 200, Map.of("consent", tenant.appConsent().name(), "exchangeRoleAssigned", tenant.exchangeRoleAssigned()));
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }
}
