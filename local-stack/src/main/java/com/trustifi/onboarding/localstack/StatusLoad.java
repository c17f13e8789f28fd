package com.trustifi.onboarding.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load of status GETs, as many partner portals polling at once: requests leave at a fixed rate whether
 * or not earlier ones were answered, and each one's latency counts from when it was due, so a stalled server shows
 * in the figures instead of slowing the load down (no coordinated omission). The benchmark runs it in its own
 * process ({@link StatusLoadProcess}).
 */
final class StatusLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "status-load");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();
    private final List<URI> targets;
    private final String apiKey;
    private final int requestsPerSecond;
    private long startedNanos;
    private long sent;

    private StatusLoad(List<URI> targets, String apiKey, int requestsPerSecond) {
        this.targets = List.copyOf(targets);
        this.apiKey = apiKey;
        this.requestsPerSecond = requestsPerSecond;
    }

    /** Starts GETs of the targets, round robin, at the given rate. */
    static StatusLoad start(List<URI> targets, String apiKey, int requestsPerSecond) {
        var load = new StatusLoad(targets, apiKey, requestsPerSecond);
        load.startedNanos = System.nanoTime();
        load.ticker.scheduleAtFixedRate(load::sendDue, 0, 1, TimeUnit.MILLISECONDS);
        return load;
    }

    private void sendDue() {
        long elapsed = System.nanoTime() - startedNanos;
        long due = elapsed * requestsPerSecond / 1_000_000_000L;
        for (; sent < due; sent++) {
            long dueAt = startedNanos + sent * 1_000_000_000L / requestsPerSecond;
            URI target = targets.get((int) (sent % targets.size()));
            HttpRequest request = HttpRequest.newBuilder(target).header("X-Api-Key", apiKey).timeout(Duration.ofSeconds(30)).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                latenciesMicros.add((System.nanoTime() - dueAt) / 1000);
            });
        }
    }

    /** The 99th percentile latency so far, in milliseconds. */
    double p99Millis() {
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
    }

    long answered() {
        return latenciesMicros.size();
    }

    long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /**
     * Runs the load as its own process, so that it does not share a JVM (and its CPU share) with the simulator:
     * {@code StatusLoad RPS TARGETS_FILE}, the API key in {@code STATUS_LOAD_API_KEY} (a command line is visible to
     * every user of the machine). Stops when its standard input ends, then prints {@code answered errors p99_ms}.
     */
    public static void main(String[] args) throws Exception {
        List<URI> targets = Files.readAllLines(Path.of(args[1])).stream().map(URI::create).toList();
        StatusLoad load = start(targets, System.getenv("STATUS_LOAD_API_KEY"), Integer.parseInt(args[0]));
        while (System.in.read() >= 0) {
            // until the benchmark closes our input
        }
        load.close();
        System.out.println(load.answered() + " " + load.errors() + " " + load.p99Millis());
    }
}
