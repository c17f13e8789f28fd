package com.trustifi.onboarding.simulator.signin;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.token.EntraError;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /{tenant}/v2.0/adminconsent} shows the permissions page; its form posts the answer back, which redirects
 * (302) to the app's redirect URI. A browser signed in on this host (by the sign-in page) answers as that user;
 * otherwise the page asks for user name and password first, as Entra does.
 */
public final class AdminConsentPage {

    private final AdminConsents consents;
    private final SignInSessions sessions;
    private final PasswordSignIn passwords;

    public AdminConsentPage(AdminConsents consents, SignInSessions sessions, TenantRegistry tenants) {
        this.consents = consents;
        this.sessions = sessions;
        this.passwords = new PasswordSignIn(tenants);
    }

    public void handle(HttpExchange exchange, String pathTenant) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try {
            AdminConsents.Request request = consents.read(pathTenant, rawQuery);
            Optional<SignInSessions.SignedIn> session = sessions.of(exchange);
            if (!"POST".equals(exchange.getRequestMethod())) {
                page(exchange, request, rawQuery, session, null);
                return;
            }
            Map<String, String> form = QueryString.parseForm(body);
            if (!"accept".equals(form.get("decision"))) {
                HtmlPage.redirect(exchange, consents.declined(request));
                return;
            }
            Optional<SignInSessions.SignedIn> signedIn = session.or(() -> passwords.check(form.get("login"), form.get("passwd")));
            if (signedIn.isEmpty()) {
                page(exchange, request, rawQuery, session, EntraError.invalidCredentials());
                return;
            }
            HtmlPage.redirect(exchange, consents.accepted(request, signedIn.get()));
        } catch (AdminConsentException e) {
            HtmlPage.error(exchange, e.error());
        }
    }

    private static void page(HttpExchange exchange, AdminConsents.Request request, String rawQuery,
                             Optional<SignInSessions.SignedIn> session, EntraError problem) throws IOException {
        String who = session.map(signedIn -> "<p id=\"signed-in\">Signed in as " + HtmlPage.escape(signedIn.user().userPrincipalName()) + "</p>")
                .orElse(HtmlPage.signInFields());
        HtmlPage.send(exchange, 200, "Permissions requested",
                (problem == null ? "" : "<p id=\"error\">" + HtmlPage.escape(problem.shortDescription()) + "</p>")
                        + "<p>The app <code>" + HtmlPage.escape(request.clientId()) + "</code> asks for <code>"
                        + HtmlPage.escape(String.valueOf(request.scope())) + "</code> on behalf of your organization.</p>"
                        + "<form method=\"post\" action=\"/" + HtmlPage.escape(request.pathTenant()) + "/v2.0/adminconsent?"
                        + HtmlPage.escape(rawQuery) + "\">" + who
                        + "<button id=\"accept\" name=\"decision\" value=\"accept\">Accept</button> "
                        + "<button id=\"cancel\" name=\"decision\" value=\"cancel\" formnovalidate>Cancel</button></form>");
    }
}
