package com.trustifi.onboarding.simulator.token;

import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.QueryString;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Entra's admin-consent flow ({@code /{tenant}/v2.0/adminconsent}): a tenant's administrator accepts or declines the
 * app's permissions, and the browser is sent to the app's redirect URI with what Microsoft sends there: on accept
 * {@code admin_consent=True}, {@code tenant}, {@code state} and {@code scope}; on cancel {@code error=access_denied},
 * {@code error_subcode=cancel}, {@code error_description} (AADSTS65004) and {@code state}.
 */
public final class AdminConsents {

    /** The path tenants meaning "whichever tenant the administrator signs in to". */
    private static final List<String> ANY_TENANT = List.of("organizations", "common");

    private final TenantRegistry tenants;
    private final SimulatorOptions options;

    public AdminConsents(TenantRegistry tenants, SimulatorOptions options) {
        this.tenants = tenants;
        this.options = options;
    }

    /** What the consent page asks; throws {@link AdminConsentException} for a link Entra would refuse. */
    Request read(String pathTenant, String rawQuery) {
        Map<String, String> query = QueryString.parse(rawQuery);
        String clientId = query.get("client_id");
        if (clientId == null) {
            throw new AdminConsentException(EntraError.missingParameter("client_id"));
        }
        if (query.get("redirect_uri") == null) {
            throw new AdminConsentException(EntraError.missingParameter("redirect_uri"));
        }
        if (!ANY_TENANT.contains(pathTenant.toLowerCase()) && tenants.find(pathTenant).isEmpty()) {
            throw new AdminConsentException(EntraError.tenantNotFound(pathTenant));
        }
        if (!clientId.equalsIgnoreCase(options.clientId())) {
            throw new AdminConsentException(EntraError.applicationNotFound(clientId, pathTenant));
        }
        return new Request(pathTenant, clientId, query.get("scope"), URI.create(query.get("redirect_uri")), query.get("state"));
    }

    /**
     * The administrator of {@code adminTenant} answers the consent page of {@code consentUrl}.
     *
     * @return where Entra sends the browser: the redirect URI with the answer's parameters
     */
    public URI decide(URI consentUrl, String adminTenant, boolean grant) {
        List<String> path = List.of(consentUrl.getPath().replaceFirst("^/", "").split("/"));
        if (path.size() != 3 || !path.subList(1, 3).equals(List.of("v2.0", "adminconsent"))) {
            throw new IllegalArgumentException("not an admin-consent URL: " + consentUrl.getPath());
        }
        return decide(read(path.get(0), consentUrl.getRawQuery()), adminTenant, grant);
    }

    URI decide(Request request, String adminTenant, boolean grant) {
        SimulatedTenant tenant = tenants.find(adminTenant)
                .orElseThrow(() -> new AdminConsentException(EntraError.tenantNotFound(adminTenant)));
        if (!ANY_TENANT.contains(request.pathTenant().toLowerCase())
                && tenants.find(request.pathTenant()).filter(named -> named == tenant).isEmpty()) {
            throw new AdminConsentException(EntraError.tenantNotFound(request.pathTenant()));
        }
        Map<String, String> answer = new LinkedHashMap<>();
        if (grant) {
            tenant.appConsent(AppConsent.GRANTED);
            answer.put("admin_consent", "True");
            answer.put("tenant", tenant.tenantId());
            if (request.scope() != null) {
                answer.put("scope", request.scope());
            }
        } else {
            answer.put("error", "access_denied");
            answer.put("error_subcode", "cancel");
            answer.put("error_description", EntraError.consentDeclined().shortDescription());
        }
        if (request.state() != null) {
            answer.put("state", request.state());
        }
        String query = answer.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String redirect = request.redirectUri().toString();
        return URI.create(redirect + (redirect.contains("?") ? "&" : "?") + query);
    }

    record Request(String pathTenant, String clientId, String scope, URI redirectUri, String state) {
    }
}
