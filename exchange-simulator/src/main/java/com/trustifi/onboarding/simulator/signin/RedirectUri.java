package com.trustifi.onboarding.simulator.signin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import com.trustifi.onboarding.simulator.token.EntraError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The app's redirect URI with the parameters Entra adds to it, in order. */
public final class RedirectUri {

    private RedirectUri() {
    }

    /** Entra's error answer: {@code error}, {@code error_subcode=cancel} when the user pressed Cancel, the AADSTS text and the state. */
    public static URI withError(URI redirectUri, EntraError error, String state, boolean cancel) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error.error());
        if (cancel) {
            answer.put("error_subcode", "cancel");
        }
        answer.put("error_description", error.shortDescription());
        if (state != null) {
            answer.put("state", state);
        }
        return with(redirectUri, answer);
    }

    public static URI with(URI redirectUri, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = redirectUri.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }
}
