package com.trustifi.onboarding.simulator.token;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OAuth error answer in Entra's shape: an OAuth error code plus an AADSTS number whose text
 * also carries trace id, correlation id and timestamp, as MSAL shows it to users.
 */
public record EntraError(int httpStatus, String error, int aadsts, String description) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public static EntraError tenantNotFound(String tenant) {
        return new EntraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the "
                + "correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, "
                + "this may happen if there are no active subscriptions for the tenant.");
    }

    public static EntraError applicationNotFound(String clientId, String tenantName) {
        return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + tenantName + "'. This can happen if the application has not been "
                + "installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent "
                + "your authentication request to the wrong tenant.");
    }

    public static EntraError invalidSecret(String clientId) {
        return new EntraError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in "
                + "the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
    }

    public static EntraError missingCredential() {
        return new EntraError(401, "invalid_client", 7000216,
                "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    }

    public static EntraError missingParameter(String parameter) {
        return new EntraError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    public static EntraError unsupportedGrantType() {
        return new EntraError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type. This simulator supports client_credentials and authorization_code.");
    }

    public static EntraError invalidScope(String scope) {
        return new EntraError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. "
                + "Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
    }

    public static EntraError resourceNotFound(String resource, String tenantName) {
        return new EntraError(400, "invalid_resource", 500011, "The resource principal named " + resource
                + " was not found in the tenant named " + tenantName + ". This can happen if the application has not been "
                + "installed by the administrator of the tenant or consented to by any user in the tenant.");
    }

    /** What a tenant whose administrator never granted consent to the application answers. */
    public static EntraError consentMissing(String clientId, String tenantName) {
        return new EntraError(400, "invalid_grant", 65001, "The user or administrator has not consented to use the application with ID '"
                + clientId + "' in the directory '" + tenantName + "'. Send an interactive authorization request for this user and "
                + "resource, or ask an administrator of the tenant to grant admin consent.");
    }

    /** What a tenant that never consented answers: the app has no service principal there. */
    public static EntraError servicePrincipalMissing(String clientId, String tenantId) {
        return new EntraError(400, "invalid_client", 7000229, "The client application " + clientId + " is missing service "
                + "principal in the tenant " + tenantId + ". See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119");
    }

    /** The admin-consent page when the administrator presses Cancel; sent to the redirect URI. */
    public static EntraError consentDeclined() {
        return new EntraError(400, "access_denied", 65004, "User declined to consent to access the app.");
    }

    /** A user signs in through a link made for another tenant. */
    public static EntraError userNotInTenant(String user, String tenant) {
        return new EntraError(400, "access_denied", 50020, "User account '" + user + "' from identity provider "
                + "'https://sts.windows.net/' does not exist in tenant '" + tenant + "' and cannot access the application in that "
                + "tenant. The account needs to be added as an external user in the tenant first.");
    }

    public static EntraError invalidCredentials() {
        return new EntraError(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
    }

    /** A user without an administrator role answers the admin-consent page. */
    public static EntraError adminRoleRequired() {
        return new EntraError(400, "access_denied", 90094, "The grant requires admin permission.");
    }

    public static EntraError invalidCode() {
        return new EntraError(400, "invalid_grant", 70000, "The provided authorization code is invalid or has expired.");
    }

    public static EntraError codeAlreadyRedeemed() {
        return new EntraError(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a "
                + "new valid code or use an existing refresh token.");
    }

    public static EntraError redirectUriMismatch() {
        return new EntraError(400, "invalid_grant", 70000, "The provided value for the input parameter 'redirect_uri' is not "
                + "valid: it is not the redirect URI of the authorization request.");
    }

    public static EntraError codeVerifierMismatch() {
        return new EntraError(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in "
                + "the authorization request.");
    }

    public static EntraError pkceRequired() {
        return new EntraError(400, "invalid_request", 9002325, "Proof Key for Code Exchange is required: the authorization "
                + "request must have a code_challenge with code_challenge_method S256.");
    }

    public static EntraError postOnly() {
        return new EntraError(400, "invalid_request", 900561, "The endpoint only accepts POST requests. Received a GET request.");
    }

    /** The description as Entra writes it into error_description, without trace and correlation ids. */
    public String shortDescription() {
        return "AADSTS" + aadsts + ": " + description;
    }

    /** The JSON body; {@code correlationId} echoes the client's client-request-id as Entra does, when there is one. */
    Map<String, Object> body(String correlationId, Instant now) {
        String traceId = UUID.randomUUID().toString();
        String correlation = correlationId == null ? UUID.randomUUID().toString() : correlationId;
        String timestamp = TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + traceId
                + " Correlation ID: " + correlation + " Timestamp: " + timestamp);
        body.put("error_codes", List.of(aadsts));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlation);
        return body;
    }
}
