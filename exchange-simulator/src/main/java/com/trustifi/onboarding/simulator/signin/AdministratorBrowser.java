package com.trustifi.onboarding.simulator.signin;

import com.trustifi.onboarding.simulator.tls.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * A tenant administrator's browser, without a screen: it opens a connect link, signs in on the simulator's sign-in page,
 * answers the admin-consent page and follows every redirect (keeping cookies, as a browser does) until a page answers.
 * The local stack's demo and benchmark and the API's tests connect tenants with it, so they take the same path
 * through the API as a person in a real browser does.
 */
public final class AdministratorBrowser {

    private static final int MAX_REDIRECTS = 10;

    /** What the administrator does on the way. */
    public enum Answer { ACCEPT, CANCEL_SIGN_IN, DECLINE_CONSENT }

    /** The page the journey ended on. */
    public record Page(URI uri, int status, String body) {
    }

    private final HttpClient http;

    private AdministratorBrowser(HttpClient http) {
        this.http = http;
    }

    /** A browser (with its own cookies) that trusts what the context trusts: one context serves any number of browsers. */
    public static AdministratorBrowser trusting(SSLContext trust) {
        return new AdministratorBrowser(HttpClient.newBuilder()
                .sslContext(trust)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    /** Signs in as the user and accepts: the page the API answers at the end. */
    public Page connect(URI connectLink, String userPrincipalName, String password) {
        return open(connectLink, userPrincipalName, password, Answer.ACCEPT);
    }

    public Page open(URI connectLink, String userPrincipalName, String password, Answer answer) {
        Page signIn = follow(get(connectLink));
        if (signIn.status() != 200 || !signIn.uri().getPath().endsWith("/oauth2/v2.0/authorize")) {
            return signIn;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", userPrincipalName);
        form.put("passwd", password);
        form.put("decision", answer == Answer.CANCEL_SIGN_IN ? "cancel" : "signin");
        Page next = follow(post(signIn.uri(), form));
        if (next.status() != 200 || !next.uri().getPath().endsWith("/v2.0/adminconsent")) {
            return next;
        }
        return follow(post(next.uri(), Map.of("decision", answer == Answer.ACCEPT ? "accept" : "cancel")));
    }

    /**
     * Signs in on the connect link's page and answers where Entra sends the browser next (the app's redirect URI with
     * the code or an error), without going there: for tests that replay or alter what comes back.
     */
    public URI signIn(URI connectLink, String userPrincipalName, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", userPrincipalName);
        form.put("passwd", password);
        form.put("decision", "signin");
        return location(post(follow(get(connectLink)).uri(), form));
    }

    /** Answers an admin-consent page as the signed-in user, and where Entra sends the browser next, without going there. */
    public URI consent(URI adminConsentUrl, boolean accept) {
        return location(post(adminConsentUrl, Map.of("decision", accept ? "accept" : "cancel")));
    }

    private URI location(HttpRequest request) {
        HttpResponse<String> response = send(request);
        return request.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode()
                        + " without a redirect: " + response.body())));
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status < 300 || status > 308 || response.headers().firstValue("Location").isEmpty()) {
                return new Page(request.uri(), status, response.body());
            }
            request = get(request.uri().resolve(response.headers().firstValue("Location").get()));
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + first.uri());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + request.uri().getHost() + ":" + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * The TLS context of a browser that trusts the simulator's certificate. Reading the PKCS12 trust store derives its
     * integrity key (thousands of HMAC rounds): read it once where many browsers are opened, not once per browser.
     */
    public static SSLContext trustContext(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return TrustMaterial.clientContextTrusting(store);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the truststore " + trustStore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load the truststore " + trustStore, e);
        }
    }
}
