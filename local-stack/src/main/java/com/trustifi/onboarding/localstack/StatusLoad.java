package com.trustifi.onboarding.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An open-loop load of status GETs, as many partner portals polling at once: requests fall due at a fixed rate whether
 * or not earlier ones were answered, and each one's latency counts from when it was due, so a stalled server shows
 * in the figures instead of slowing the load down (no coordinated omission). A fixed set of senders, each with its
 * own keep-alive connection, takes the due requests in turn, as portals keep their connections open: a load that
 * opened a connection per waiting request would measure its own connection storm. The benchmark runs it in its own
 * process ({@link StatusLoadProcess}).
 */
final class StatusLoad implements AutoCloseable {

    static final int SENDERS = 64;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "status-load"));
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, runnable -> daemon(runnable, "status-load-sender"));
    private final BlockingQueue<Due> due = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    /** By second of the load (when the request fell due): how many took longer than {@link #SLOW_MICROS}, and the longest. */
    private final Map<Long, SlowSecond> slowSeconds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile List<URI> targets;
    private final String apiKey;
    private final int requestsPerSecond;
    /** Requests due before this are sent, not measured: the warm-up's end, or when the targets were last changed. */
    private volatile long measuredFromNanos;
    private long startedNanos;
    private long sent;

    private record Due(URI target, long atNanos) {
    }

    /** What counts as slow in {@link #slowestSeconds}: the goal for the p99 under load. */
    private static final long SLOW_MICROS = 50_000;

    private record SlowSecond(long slow, long longestMicros) {
        SlowSecond plus(SlowSecond other) {
            return new SlowSecond(slow + other.slow, Math.max(longestMicros, other.longestMicros));
        }
    }

    private StatusLoad(List<URI> targets, String apiKey, int requestsPerSecond) {
        this.targets = List.copyOf(targets);
        this.apiKey = apiKey;
        this.requestsPerSecond = requestsPerSecond;
    }

    /**
     * Starts GETs of the targets, round robin, at the given rate. Those due in the warm-up are sent but not measured:
     * this JVM's own first requests (its classes loaded, its connections opened, its code compiled) would count as
     * the server's latency.
     */
    static StatusLoad start(List<URI> targets, String apiKey, int requestsPerSecond, Duration warmUp) {
        var load = new StatusLoad(targets, apiKey, requestsPerSecond);
        load.startedNanos = System.nanoTime();
        load.measuredFromNanos = load.startedNanos + warmUp.toNanos();
        for (int i = 0; i < SENDERS; i++) {
            load.senders.execute(load::sendWhileRunning);
        }
        load.ticker.scheduleAtFixedRate(load::enqueueDue, 0, 1, TimeUnit.MILLISECONDS);
        return load;
    }

    /**
     * From now on, GETs of these targets, measured: what was sent before was the warm-up. The benchmark starts its load
     * on the stack before the batch exists, so that the batch's first seconds find this JVM and its connections warm.
     */
    void measureOn(List<URI> next) {
        targets = List.copyOf(next);
        measuredFromNanos = System.nanoTime();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void enqueueDue() {
        long elapsed = System.nanoTime() - startedNanos;
        long dueNow = elapsed * requestsPerSecond / 1_000_000_000L;
        List<URI> current = targets;
        for (; sent < dueNow; sent++) {
            due.add(new Due(current.get((int) (sent % current.size())), startedNanos + sent * 1_000_000_000L / requestsPerSecond));
        }
    }

    private void sendWhileRunning() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Due next = due.take();
                String error = get(next.target());
                if (next.atNanos() < measuredFromNanos) {
                    if (error == null) {
                        // in the slow seconds only: a backlog left by this JVM's own start shows there, apart
                        tallySlow(next, System.nanoTime());
                    }
                    continue;
                }
                if (error != null) {
                    // counted, not timed: a quick 401 or a 5 s connect timeout would move the percentiles
                    errors.computeIfAbsent(error, kind -> new AtomicLong()).incrementAndGet();
                    continue;
                }
                timed(next, System.nanoTime());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** One GET over this thread's keep-alive connection; null when it answered 200, else what went wrong. */
    private String get(URI target) {
        try {
            var connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("X-Api-Key", apiKey);
            int status = connection.getResponseCode();
            // read to the end, so that the connection goes back to the keep-alive cache
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status == 200 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    private void timed(Due request, long answeredNanos) {
        latenciesMicros.add(tallySlow(request, answeredNanos));
    }

    private long tallySlow(Due request, long answeredNanos) {
        long micros = (answeredNanos - request.atNanos()) / 1000;
        if (micros > SLOW_MICROS) {
            slowSeconds.merge((request.atNanos() - startedNanos) / 1_000_000_000L, new SlowSecond(1, micros), SlowSecond::plus);
        }
        return micros;
    }

    /**
     * The seconds of the load with the most slow answers, worst first, for a person to lay beside the services' logs: a
     * tail made of a few stalls reads differently from one spread over the whole run. The warm-up's seconds are among
     * them, marked, though not in the percentiles: a first measured second that is all slow after slow warm-up seconds
     * is this JVM's own start still being caught up.
     */
    String slowestSeconds(int count) {
        if (slowSeconds.isEmpty()) {
            return "none, no answer took over " + SLOW_MICROS / 1000 + " ms";
        }
        return slowSeconds.entrySet().stream()
                .sorted(Map.Entry.<Long, SlowSecond>comparingByValue((a, b) -> Long.compare(b.slow, a.slow)))
                .limit(count)
                .map(second -> "+" + second.getKey() + " s" + (startedNanos + (second.getKey() + 1) * 1_000_000_000L <= measuredFromNanos ? " (warm-up)" : "")
                        + ": " + second.getValue().slow + " over " + SLOW_MICROS / 1000 + " ms, longest "
                        + second.getValue().longestMicros / 1000 + " ms")
                .collect(Collectors.joining("; "));
    }

    /** When the measured part began, in seconds of the load, as {@link #slowestSeconds} counts them. */
    long measuredFromSeconds() {
        return (measuredFromNanos - startedNanos) / 1_000_000_000L;
    }

    /** The given percentile (0-100) of the latencies so far, in milliseconds. */
    double percentileMillis(double percentile) {
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(sorted.length * percentile / 100) - 1))] / 1000.0;
    }

    /** How many requests were timed: answered with 200, or still waiting when the load stopped. */
    long timed() {
        return latenciesMicros.size();
    }

    long errors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The errors by kind (an HTTP status or an exception), for a person to read. */
    String errorKinds() {
        return new TreeMap<>(errors).toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
        // the requests still waiting for a sender when the load stops have waited at least this long: left out,
        // the tail would be missing exactly when the server fell behind
        long now = System.nanoTime();
        for (Due waiting; (waiting = due.poll()) != null; ) {
            if (waiting.atNanos() >= measuredFromNanos) {
                timed(waiting, now);
            }
        }
    }

    /**
     * Runs the load as its own process, so that it does not share a JVM (and its CPU share) with the simulator:
     * {@code StatusLoad RPS TARGETS_FILE WARM_UP_SECONDS}, the API key in {@code STATUS_LOAD_API_KEY} (a command line is visible to
     * every user of the machine). Each line on its standard input names another targets file: the load polls those
     * from then on, and measures from then on ({@link #measureOn}). Stops when its standard input ends, then prints
     * {@code timed errors p99_ms p50_ms}.
     */
    public static void main(String[] args) throws Exception {
        List<URI> targets = readTargets(Path.of(args[1]));
        Instant started = Instant.now();
        StatusLoad load = start(targets, System.getenv("STATUS_LOAD_API_KEY"), Integer.parseInt(args[0]),
                Duration.ofSeconds(Long.parseLong(args[2])));
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String next; (next = commands.readLine()) != null; ) {
            if (!next.isBlank()) {
                load.measureOn(readTargets(Path.of(next.trim())));
            }
        }
        load.close();
        System.out.println(load.timed() + " " + load.errors() + " " + load.percentileMillis(99) + " " + load.percentileMillis(50));
        if (load.errors() > 0) {
            System.err.println("status load errors: " + load.errorKinds());
        }
        System.err.println("status load started at " + started + ", measured from +" + load.measuredFromSeconds() + " s; its slowest seconds: "
                + load.slowestSeconds(10));
    }

    private static List<URI> readTargets(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(URI::create).toList();
    }
}
