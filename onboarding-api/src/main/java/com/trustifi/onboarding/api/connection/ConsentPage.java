package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.connection.consent.ConsentRefusedException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The pages the customer's administrator sees at the end of a connect link: connected (to which partner, and how the
 * check of the app's access is doing, refreshing until it answers), or why nothing was connected. Every value is
 * escaped: some come from the browser.
 */
final class ConsentPage {

    static final String RESULT_PATH = "/v1/tenant-connections/callback/result";

    private ConsentPage() {
    }

    static Response connected(ConsentOutcome.ConsentResult result, String resultState) {
        TenantConnectionView.Check check = result.latestCheck().map(TenantConnectionView.Check::of).orElse(null);
        String status = !result.current() ? "REPLACED" : check == null ? "CHECKING" : check.status();
        StringBuilder body = new StringBuilder()
                .append("<p>The tenant <code id=\"tenant\">").append(escape(result.tenantId())).append("</code> is connected to <strong id=\"partner\">")
                .append(escape(result.partnerName())).append("</strong>")
                .append(result.administrator() == null ? "" : " by " + escape(result.administrator())).append(".</p>")
                .append("<p>Access check: <strong id=\"check-status\">").append(status).append("</strong></p>");
        String refresh = "";
        switch (status) {
            case "CHECKING" -> {
                body.append("<p id=\"next\">Checking that the app can reach Microsoft Graph and Exchange Online; this page refreshes.</p>");
                refresh = "<meta http-equiv=\"refresh\" content=\"2; url=" + RESULT_PATH + "?state="
                        + escape(URLEncoder.encode(resultState, StandardCharsets.UTF_8)) + "\">";
            }
            case "READY" -> body.append("<p id=\"next\">The app can reach the tenant. ").append(escape(result.partnerName()))
                    .append(" can now set up its relay; you can close this page.</p>");
            case "ACTION_NEEDED" -> body.append("<p id=\"next\">").append(escape(check.detail())).append("</p><p id=\"remedy\">")
                    .append(escape(check.remediation())).append(" Then ask ").append(escape(result.partnerName()))
                    .append(" to check the connection again.</p>");
            default -> body.append("<p id=\"next\">The tenant has since been connected again; this page shows that connection no more.</p>");
        }
        return page(200, "Tenant connected", refresh, body.toString());
    }

    static Response refused(ConsentRefusedException refused) {
        String title = switch (refused.kind()) {
            case ROLE_NEEDED -> "An administrator role is needed";
            case DENIED -> "Consent was not granted";
            case UNAVAILABLE -> "Microsoft Entra could not be reached";
            case INVALID -> "Nothing was connected";
        };
        String body = "<p id=\"reason\">" + escape(refused.reason()) + "</p>"
                + "<p>No tenant was connected and no existing connection was changed.</p>";
        return page(refused.kind().status(), title, "", body);
    }

    static Response redirect(URI location) {
        return Response.seeOther(location).cacheControl(noStore()).build();
    }

    private static Response page(int status, String title, String head, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>" + head
                + "</head><body><h1 id=\"title\">" + escape(title) + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).cacheControl(noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Referrer-Policy", "no-referrer")
                .entity(html).build();
    }

    private static CacheControl noStore() {
        var cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
