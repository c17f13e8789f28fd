package com.trustifi.onboarding.simulator.signin;

import com.trustifi.onboarding.simulator.AppConsent;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.TenantRegistry;
import com.trustifi.onboarding.simulator.http.QueryString;
import com.trustifi.onboarding.simulator.token.EntraError;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entra's admin-consent flow ({@code /{tenant}/v2.0/adminconsent}): a signed-in administrator accepts or declines the
 * app's permissions, and the browser is sent to the app's redirect URI with what Microsoft sends there: on accept
 * {@code admin_consent=True}, {@code tenant} (the administrator's own), {@code state} and {@code scope}; otherwise
 * {@code error}, {@code error_description} with the AADSTS code (65004 cancel, 50020 a user of another tenant than the
 * link's, 90094 a user without a role that may consent for the organization) and {@code state}.
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
        try {
            return new Request(pathTenant, clientId, query.get("scope"), URI.create(query.get("redirect_uri")), query.get("state"));
        } catch (IllegalArgumentException e) {
            throw new AdminConsentException(EntraError.missingParameter("redirect_uri"));
        }
    }

    /** The user pressed Cancel. */
    URI declined(Request request) {
        return RedirectUri.withError(request.redirectUri(), EntraError.consentDeclined(), request.state(), true);
    }

    /** The signed-in user accepts: consent is granted only by an administrator of the link's tenant. */
    URI accepted(Request request, SignInSessions.SignedIn signedIn) {
        SimulatedTenant tenant = tenants.find(signedIn.tenantId())
                .orElseThrow(() -> new AdminConsentException(EntraError.tenantNotFound(signedIn.tenantId())));
        if (!ANY_TENANT.contains(request.pathTenant().toLowerCase())
                && tenants.find(request.pathTenant()).filter(named -> named == tenant).isEmpty()) {
            return RedirectUri.withError(request.redirectUri(),
                    EntraError.userNotInTenant(signedIn.user().userPrincipalName(), request.pathTenant()), request.state(), false);
        }
        if (!PasswordSignIn.mayGrantTenantWideConsent(signedIn.user())) {
            return RedirectUri.withError(request.redirectUri(), EntraError.adminRoleRequired(), request.state(), false);
        }
        tenant.appConsent(AppConsent.GRANTED);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("admin_consent", "True");
        answer.put("tenant", tenant.tenantId());
        if (request.scope() != null) {
            answer.put("scope", request.scope());
        }
        if (request.state() != null) {
            answer.put("state", request.state());
        }
        return RedirectUri.with(request.redirectUri(), answer);
    }

    record Request(String pathTenant, String clientId, String scope, URI redirectUri, String state) {
    }
}
