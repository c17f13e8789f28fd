package com.trustifi.onboarding.simulator.token;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The client's id and secret, from the form (client_secret_post) or an HTTP Basic header (client_secret_basic). */
record ClientCredential(String clientId, String secret) {

    static ClientCredential of(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    // RFC 6749 2.3.1: both halves are form-encoded before being joined.
                    return new ClientCredential(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed Basic header counts as no header; the form may still carry the credential.
            }
        }
        return new ClientCredential(form.get("client_id"), form.get("client_secret"));
    }
}
