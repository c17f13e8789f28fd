package com.trustifi.onboarding.api;

import static io.restassured.RestAssured.given;

import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.signin.AdministratorBrowser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test's side of the simulated Entra: its tenants and users, its keys, and an administrator's browser. */
public final class SimulatedEntra {

    /**
     * What browsers trust, by trust store: read once each, as loading one is costly and tests open a browser per
     * journey; each start of the app brings its own simulator, and with it its own trust store.
     */
    private static final Map<String, SSLContext> BROWSER_TRUST = new ConcurrentHashMap<>();

    private SimulatedEntra() {
    }

    /** The tenant, created with its Global Administrator when the simulator does not have it yet; answers its initial domain. */
    public static String tenant(String tenantId) {
        String initialDomain = "t" + tenantId.replace("-", "") + ".onmicrosoft.com";
        int status = admin().contentType(ContentType.JSON).body(Map.of("tenantId", tenantId, "initialDomain", initialDomain))
                .post("/admin/tenants").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("The simulator did not create tenant " + tenantId + ": " + status);
        }
        return initialDomain;
    }

    public static String administrator(String tenantId) {
        return "admin@" + tenant(tenantId);
    }

    /** A user of the tenant with these directory roles (none: an ordinary user); answers the user principal name. */
    public static String user(String tenantId, String name, List<String> roles) {
        String upn = name + "@" + tenant(tenantId);
        admin().contentType(ContentType.JSON).body(Map.of("userPrincipalName", upn, "password", DirectoryUser.DEFAULT_PASSWORD,
                "roles", roles)).post("/admin/tenants/" + tenantId + "/users").then().statusCode(201);
        return upn;
    }

    static String rotateKeys(boolean retirePrevious) {
        return admin().contentType(ContentType.JSON).body(Map.of("retirePrevious", retirePrevious))
                .post("/admin/signing-keys/rotate").then().statusCode(200).extract().path("kid");
    }

    /** A new browser, with no cookies yet. */
    public static AdministratorBrowser browser() {
        return AdministratorBrowser.trusting(BROWSER_TRUST.computeIfAbsent(config("trust-store"),
                trustStore -> AdministratorBrowser.trustContext(Path.of(trustStore), config("trust-store-password"))));
    }

    public static AdministratorBrowser.Page connect(URI connectLink, String userPrincipalName) {
        return browser().connect(connectLink, userPrincipalName, DirectoryUser.DEFAULT_PASSWORD);
    }

    static URI base() {
        return URI.create(config("authority-host"));
    }

    private static RequestSpecification admin() {
        return given().baseUri(base().toString()).relaxedHTTPSValidation();
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue("onboarding.tenant-connections." + name, String.class);
    }
}
