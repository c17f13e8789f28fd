package com.trustifi.onboarding.simulator.token;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents MSAL may fetch before asking for a token: OpenID configuration and
 * instance discovery. Every endpoint in them points back at this simulator.
 */
final class OpenIdMetadata {

    private final URI baseUri;

    OpenIdMetadata(URI baseUri) {
        this.baseUri = baseUri;
    }

    /**
     * OpenID configuration of one tenant. The issuer names the tenant as the client spelled it (Entra would use the GUID):
     * MSAL compares issuer and authority for hosts it does not know, and the simulator is such a host.
     */
    Map<String, Object> openIdConfiguration(String tenant) {
        String authority = baseUri + "/" + tenant;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("token_endpoint", authority + "/oauth2/v2.0/token");
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        document.put("jwks_uri", authority + "/discovery/v2.0/keys");
        document.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        document.put("subject_types_supported", List.of("pairwise"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        document.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        document.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "tid", "oid", "wids",
                "preferred_username", "name", "ver"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("issuer", authority + "/v2.0");
        document.put("request_uri_parameter_supported", false);
        document.put("authorization_endpoint", authority + "/oauth2/v2.0/authorize");
        document.put("device_authorization_endpoint", authority + "/oauth2/v2.0/devicecode");
        document.put("end_session_endpoint", authority + "/oauth2/v2.0/logout");
        document.put("tenant_region_scope", "EU");
        document.put("cloud_instance_name", baseUri.getAuthority());
        document.put("msgraph_host", baseUri.getAuthority());
        return document;
    }

    /** Instance discovery: this host is its own only alias, so MSAL caches tokens under it. */
    Map<String, Object> instanceDiscovery(String tenant) {
        String host = baseUri.getAuthority();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("preferred_network", host);
        metadata.put("preferred_cache", host);
        metadata.put("aliases", List.of(host));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant_discovery_endpoint", baseUri + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        document.put("api-version", "1.1");
        document.put("metadata", List.of(metadata));
        return document;
    }
}
