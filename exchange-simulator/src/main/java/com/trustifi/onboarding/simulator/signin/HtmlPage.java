package com.trustifi.onboarding.simulator.signin;

import com.sun.net.httpserver.HttpExchange;
import com.trustifi.onboarding.simulator.token.EntraError;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The login host's pages for a person: HTML with every value escaped, and redirects. */
public final class HtmlPage {

    private HtmlPage() {
    }

    public static void send(HttpExchange exchange, int status, String title, String body) throws IOException {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1>" + body + "</body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Entra's error page, for a request it does not trust enough to redirect. */
    public static void error(HttpExchange exchange, EntraError error) throws IOException {
        send(exchange, error.httpStatus(), "Sorry, but we're having trouble signing you in.",
                "<p id=\"error\">" + escape(error.shortDescription()) + "</p>");
    }

    public static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The sign-in fields; the browser tests and {@link AdministratorBrowser} find them by these names. */
    public static String signInFields() {
        return "<p><label>Email, phone, or Skype <input id=\"login\" name=\"login\" type=\"email\" autocomplete=\"username\"></label></p>"
                + "<p><label>Password <input id=\"passwd\" name=\"passwd\" type=\"password\" autocomplete=\"current-password\"></label></p>";
    }

    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
