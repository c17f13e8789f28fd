package com.trustifi.onboarding.api.connection.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.api.config.TenantConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The administrator's side of a connect link at Entra: the sign-in URL (authorization code flow with PKCE, scope
 * {@code openid profile}), the redemption of the code with the app's credentials, the verification of the id token,
 * and the admin-consent URL for the tenant the administrator verifiably belongs to.
 */
@ApplicationScoped
public class EntraSignIn {

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TenantConnectionConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final IdTokenVerifier verifier;

    EntraSignIn(TenantConnectionConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        Optional<SSLContext> tls = config.trustStore().map(path -> trusting(path, config.trustStorePassword().orElse("")));
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        tls.ifPresent(http::sslContext);
        this.http = http.build();
        this.verifier = new IdTokenVerifier(authority(), config.clientId().orElse(""), tls.map(SSLContext::getSocketFactory), clock);
    }

    public boolean configured() {
        return config.clientId().isPresent() && config.clientSecret().isPresent() && config.redirectUri().isPresent();
    }

    /** Where the connect link sends the administrator: Entra's sign-in for the named tenant, or for any work account. */
    public URI signInUrl(Optional<String> tenantId, String state, String nonce, String codeVerifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", config.clientId().orElseThrow());
        query.put("response_type", "code");
        query.put("redirect_uri", config.redirectUri().orElseThrow().toString());
        query.put("response_mode", "query");
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        return URI.create(browserAuthority() + "/" + tenantId.orElse("organizations") + "/oauth2/v2.0/authorize?" + query(query));
    }

    /** Entra's admin consent for the app's permissions, in the tenant the administrator signed in to. */
    public URI adminConsentUrl(String tenantId, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", config.clientId().orElseThrow());
        query.put("scope", config.scope());
        query.put("redirect_uri", config.redirectUri().orElseThrow().toString());
        query.put("state", state);
        return URI.create(browserAuthority() + "/" + tenantId + "/v2.0/adminconsent?" + query(query));
    }

    /**
     * Redeems the sign-in's code and verifies the id token it buys.
     *
     * @throws ConsentRefusedException when Entra refuses the code or the token does not verify
     */
    public VerifiedAdministrator redeem(String code, String codeVerifier, String nonce, Optional<String> tenantId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId().orElseThrow());
        form.put("client_secret", config.clientSecret().orElseThrow());
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().orElseThrow().toString());
        form.put("code_verifier", codeVerifier);
        form.put("scope", "openid profile");
        URI tokenEndpoint = URI.create(authority() + "/" + tenantId.orElse("organizations") + "/oauth2/v2.0/token");
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        JsonNode answer;
        int status;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw ConsentRefusedException.unavailable("Entra's token endpoint could not be reached; try the connect link again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConsentRefusedException.unavailable("Interrupted while redeeming the sign-in");
        }
        if (status != 200 || !answer.path("id_token").isTextual()) {
            throw ConsentRefusedException.invalid("code", "Entra did not accept the sign-in (" + entraCode(answer)
                    + "): ask the partner for a new connect link and sign in again");
        }
        return verifier.verify(answer.get("id_token").asText(), nonce);
    }

    /** Only the AADSTS number of Entra's answer: its text echoes what the request sent. */
    private static String entraCode(JsonNode answer) {
        Matcher code = AADSTS.matcher(answer.path("error_description").asText(""));
        return code.find() ? code.group() : answer.path("error").asText("no answer");
    }

    private String authority() {
        return withoutTrailingSlash(config.authorityHost());
    }

    private String browserAuthority() {
        return withoutTrailingSlash(config.browserAuthorityHost().orElse(config.authorityHost()));
    }

    private static String withoutTrailingSlash(URI host) {
        return host.toString().replaceAll("/+$", "");
    }

    /** RFC 7636 S256: base64url(SHA-256(verifier)). */
    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A URL's query: as a form, but a space is %20, which every parser reads. */
    private static String query(Map<String, String> parameters) {
        return form(parameters).replace("+", "%20");
    }

    private static SSLContext trusting(java.nio.file.Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("onboarding.tenant-connections.trust-store cannot be read: " + trustStore, e);
        }
    }
}
