package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.http.QueryString;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /{tenant}/v2.0/adminconsent} shows the permissions page to a tenant's administrator; its form posts the
 * answer back, which redirects (302) to the app's redirect URI. Signing in is reduced to naming the administrator's
 * tenant in the form.
 */
final class AdminConsentPage {

    private final AdminConsents consents;
    private final JsonWire json;
    private final Clock clock;

    AdminConsentPage(AdminConsents consents, JsonWire json, Clock clock) {
        this.consents = consents;
        this.json = json;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, String pathTenant) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try {
            AdminConsents.Request request = consents.read(pathTenant, rawQuery);
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = QueryString.parseForm(body);
                String adminTenant = form.getOrDefault("admin_tenant", pathTenant);
                URI next = consents.decide(request, adminTenant, "accept".equals(form.get("decision")));
                exchange.getResponseHeaders().set("Location", next.toString());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            page(exchange, request, rawQuery);
        } catch (AdminConsentException e) {
            json.send(exchange, e.error().httpStatus(), e.error().body(null, clock.instant()));
        }
    }

    private static void page(HttpExchange exchange, AdminConsents.Request request, String rawQuery) throws IOException {
        String tenant = "organizations".equalsIgnoreCase(request.pathTenant()) || "common".equalsIgnoreCase(request.pathTenant())
                ? "" : request.pathTenant();
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Permissions requested</title></head><body>"
                + "<h1>Permissions requested</h1>"
                + "<p>The app <code>" + escape(request.clientId()) + "</code> asks for <code>" + escape(String.valueOf(request.scope()))
                + "</code> on behalf of your organization.</p>"
                + "<form method=\"post\" action=\"/" + escape(request.pathTenant()) + "/v2.0/adminconsent?" + escape(rawQuery) + "\">"
                + "<label>Signed in as an administrator of tenant <input name=\"admin_tenant\" value=\"" + escape(tenant) + "\"></label>"
                + "<button name=\"decision\" value=\"accept\">Accept</button> <button name=\"decision\" value=\"cancel\">Cancel</button>"
                + "</form></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
