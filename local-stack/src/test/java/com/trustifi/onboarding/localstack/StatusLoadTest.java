package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusLoadTest {

    private static final String API_KEY = "status-load-test-key";

    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private final AtomicLong withoutKey = new AtomicLong();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                withoutKey.incrementAndGet();
            }
            answered.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicLong()).incrementAndGet();
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void timesOnlyWhatItPollsOnceToldToMeasure() throws Exception {
        StatusLoad load = StatusLoad.start(List.of(target("/warm-up")), API_KEY, 200, Duration.ofDays(1));
        try {
            awaitAnswers("/warm-up", 20);
            assertThat(load.timed()).as("the warm-up is sent, not timed").isZero();

            load.measureOn(List.of(target("/measured")));
            // the due requests are taken in order: once the new targets have had a hundred, those due before the
            // switch have all been sent and answered
            awaitAnswers("/measured", 100);
            long warmUpAnswers = answered.get("/warm-up").get();
            awaitAnswers("/measured", 200);
            assertThat(answered.get("/warm-up").get()).as("nothing polls the old targets").isEqualTo(warmUpAnswers);
        } finally {
            load.close();
        }
        assertThat(load.timed()).isPositive();
        assertThat(load.errors()).isZero();
        assertThat(withoutKey.get()).as("every GET carries the API key").isZero();
    }

    private URI target(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void awaitAnswers(String path, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answered.getOrDefault(path, new AtomicLong()).get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(answered.getOrDefault(path, new AtomicLong()).get()).as("answers on " + path).isGreaterThanOrEqualTo(count);
    }
}
