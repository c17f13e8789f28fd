package com.trustifi.onboarding.simulator.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoints written for the JDK's HttpExchange, served by Jetty: routing, and what a failing endpoint answers. */
class EndpointsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Server jetty;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new Endpoints(new JsonWire())
                .mount("/", exchange -> answer(exchange, "root"))
                .mount("/admin", exchange -> answer(exchange, "admin " + exchange.getRequestURI()))
                .mount("/adminapi", exchange -> answer(exchange, "adminapi"))
                .mount("/broken", exchange -> {
                    throw new IllegalStateException("a bug in an endpoint");
                })
                .mount("/silent", exchange -> {
                    // returns without answering
                }));
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void aPathGoesToTheLongestMountOfWholeSegments() throws Exception {
        assertThat(get("/admin/tenants?x=1").body()).isEqualTo("admin /admin/tenants?x=1");
        assertThat(get("/adminapi/beta/t/InvokeCommand").body()).isEqualTo("adminapi");
        assertThat(get("/administrator").body()).isEqualTo("root");
    }

    @Test
    void anEndpointThatThrowsAnswers500() throws Exception {
        HttpResponse<String> answer = get("/broken");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("InternalServerError");
    }

    @Test
    void anEndpointThatReturnsWithoutAnsweringIsNeverA200() throws Exception {
        assertThat(get("/silent").statusCode()).isEqualTo(500);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
