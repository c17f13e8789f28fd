package com.trustifi.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calls whose answers come a page at a time, against an HTTP server on loopback that answers as the API does. */
class OnboardingApiTest {

    private static final UUID BATCH = UUID.fromString("6f1c1d3e-4a59-4c1e-9a55-2b0b1f1d6a01");
    private static final UUID FIRST = UUID.fromString("0d6f0a7e-6a1b-4f43-8a2c-5e3f2b1c0a01");
    private static final UUID SECOND = UUID.fromString("0d6f0a7e-6a1b-4f43-8a2c-5e3f2b1c0a02");

    private final List<URI> asked = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/onboardings", exchange -> {
            asked.add(exchange.getRequestURI());
            keys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            boolean firstPage = exchange.getRequestURI().getRawQuery().indexOf("cursor=") < 0;
            String body = firstPage
                    ? "{\"items\":[" + item(FIRST, "contoso.onmicrosoft.com") + "],\"nextCursor\":\"page/2=\"}"
                    : "{\"items\":[" + item(SECOND, "fabrikam.onmicrosoft.com") + "],\"nextCursor\":null}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void failedOnboardingsFollowsEveryPageOfTheBatchsFailures() {
        var api = new OnboardingApi(new ApiSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key-1"));

        List<BatchProgress.Failure> failed = api.failedOnboardings(BATCH);

        assertThat(failed).extracting(BatchProgress.Failure::onboardingId).containsExactly(FIRST, SECOND);
        assertThat(failed).extracting(BatchProgress.Failure::tenantId)
                .containsExactly("contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com");
        assertThat(failed.get(0).remediation()).isEqualTo("grant the Exchange Administrator role");
        assertThat(failed.get(0).retryable()).isTrue();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).getQuery()).contains("status=FAILED", "batchId=" + BATCH).doesNotContain("cursor");
        assertThat(asked.get(1).getQuery()).contains("status=FAILED", "batchId=" + BATCH, "cursor=page/2=");
        assertThat(keys).containsOnly("key-1");
    }

    private static String item(UUID id, String tenantId) {
        return "{\"id\":\"" + id + "\",\"batchId\":\"" + BATCH + "\",\"tenantId\":\"" + tenantId + "\",\"status\":\"FAILED\","
                + "\"detail\":\"denied\",\"remediation\":\"grant the Exchange Administrator role\",\"retryable\":true}";
    }
}
