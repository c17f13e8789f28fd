package com.trustifi.onboarding.simulator.signin;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.DirectoryUser;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in, by browser: a cookie set at sign-in, as Entra's own session cookie lets the admin-consent page
 * that follows a sign-in know the administrator without asking again.
 */
public final class SignInSessions {

    static final String COOKIE = "SIMSESSION";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignedIn> sessions = new ConcurrentHashMap<>();

    /** Starts a session for the user: the cookie to set on the answer. */
    String start(DirectoryUser user, String tenantId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new SignedIn(user, tenantId));
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
    }

    /** Sets a new session's cookie on the answer. */
    public void start(HttpExchange exchange, DirectoryUser user, String tenantId) {
        exchange.getResponseHeaders().add("Set-Cookie", start(user, tenantId));
    }

    /** The user this browser signed in as, if any. */
    public Optional<SignedIn> of(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String trimmed = cookie.trim();
                if (trimmed.startsWith(COOKIE + "=")) {
                    SignedIn found = sessions.get(trimmed.substring(COOKIE.length() + 1));
                    if (found != null) {
                        return Optional.of(found);
                    }
                }
            }
        }
        return Optional.empty();
    }

    public record SignedIn(DirectoryUser user, String tenantId) {
    }
}
