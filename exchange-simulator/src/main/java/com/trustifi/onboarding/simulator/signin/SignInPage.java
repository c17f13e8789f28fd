package com.trustifi.onboarding.simulator.signin;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.token.EntraError;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize}: the authorization code flow's sign-in page. A user of the tenant (any
 * tenant for {@code organizations} and {@code common}) signs in with user name and password; the browser goes back to
 * the redirect URI with a code (and the request's {@code state}), or with Entra's {@code error} and
 * {@code error_description} when the user cancels or belongs to another tenant. A request Entra would not trust
 * enough to redirect answers an error page.
 */
public final class SignInPage {

    private static final List<String> ANY_TENANT = List.of("organizations", "common");
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final TenantRegistry tenants;
    private final SimulatorOptions options;
    private final AuthorizationCodes codes;
    private final SignInSessions sessions;
    private final PasswordSignIn passwords;
    private final Clock clock;

    public SignInPage(TenantRegistry tenants, SimulatorOptions options, AuthorizationCodes codes, SignInSessions sessions, Clock clock) {
        this.tenants = tenants;
        this.options = options;
        this.codes = codes;
        this.sessions = sessions;
        this.passwords = new PasswordSignIn(tenants);
        this.clock = clock;
    }

    public void handle(HttpExchange exchange, String pathTenant) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = QueryString.parse(rawQuery);
        Optional<EntraError> invalid = invalid(pathTenant, query);
        if (invalid.isPresent()) {
            HtmlPage.error(exchange, invalid.get());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            form(exchange, pathTenant, rawQuery, null);
            return;
        }
        Map<String, String> form = QueryString.parseForm(body);
        URI redirectUri = URI.create(query.get("redirect_uri"));
        if ("cancel".equals(form.get("decision"))) {
            HtmlPage.redirect(exchange, RedirectUri.withError(redirectUri, EntraError.consentDeclined(), query.get("state"), true));
            return;
        }
        Optional<SignInSessions.SignedIn> signIn = passwords.check(form.get("login"), form.get("passwd"));
        if (signIn.isEmpty()) {
            form(exchange, pathTenant, rawQuery, EntraError.invalidCredentials());
            return;
        }
        DirectoryUser user = signIn.get().user();
        String tenantId = signIn.get().tenantId();
        if (!ANY_TENANT.contains(pathTenant.toLowerCase())
                && tenants.find(pathTenant).filter(named -> named.tenantId().equals(tenantId)).isEmpty()) {
            HtmlPage.redirect(exchange, RedirectUri.withError(redirectUri,
                    EntraError.userNotInTenant(user.userPrincipalName(), pathTenant), query.get("state"), false));
            return;
        }
        sessions.start(exchange, user, tenantId);
        String code = codes.issue(new AuthorizationCode(query.get("client_id"), redirectUri, query.get("code_challenge"),
                query.get("nonce"), user, tenantId, clock.instant().plus(CODE_LIFETIME)));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        if (query.get("state") != null) {
            answer.put("state", query.get("state"));
        }
        answer.put("session_state", UUID.randomUUID().toString());
        HtmlPage.redirect(exchange, RedirectUri.with(redirectUri, answer));
    }

    /** What Entra refuses before it trusts the redirect URI: these get an error page, not a redirect. */
    private Optional<EntraError> invalid(String pathTenant, Map<String, String> query) {
        for (String required : List.of("client_id", "redirect_uri", "response_type", "scope")) {
            if (query.get(required) == null) {
                return Optional.of(EntraError.missingParameter(required));
            }
        }
        if (!ANY_TENANT.contains(pathTenant.toLowerCase()) && tenants.find(pathTenant).isEmpty()) {
            return Optional.of(EntraError.tenantNotFound(pathTenant));
        }
        if (!query.get("client_id").equalsIgnoreCase(options.clientId())) {
            return Optional.of(EntraError.applicationNotFound(query.get("client_id"), pathTenant));
        }
        if (!"code".equals(query.get("response_type")) || !Arrays.asList(query.get("scope").split(" ")).contains("openid")) {
            return Optional.of(EntraError.missingParameter("response_type=code with scope openid"));
        }
        if (query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method"))) {
            return Optional.of(EntraError.pkceRequired());
        }
        try {
            URI.create(query.get("redirect_uri"));
        } catch (IllegalArgumentException e) {
            return Optional.of(EntraError.missingParameter("redirect_uri"));
        }
        return Optional.empty();
    }

    private static void form(HttpExchange exchange, String pathTenant, String rawQuery, EntraError problem) throws IOException {
        String action = "/" + HtmlPage.escape(pathTenant) + "/oauth2/v2.0/authorize?" + HtmlPage.escape(rawQuery);
        HtmlPage.send(exchange, 200, "Sign in",
                (problem == null ? "" : "<p id=\"error\">" + HtmlPage.escape(problem.shortDescription()) + "</p>")
                        + "<form method=\"post\" action=\"" + action + "\">" + HtmlPage.signInFields()
                        + "<button id=\"signin\" name=\"decision\" value=\"signin\">Sign in</button> "
                        + "<button id=\"cancel\" name=\"decision\" value=\"cancel\" formnovalidate>Cancel</button></form>");
    }
}
