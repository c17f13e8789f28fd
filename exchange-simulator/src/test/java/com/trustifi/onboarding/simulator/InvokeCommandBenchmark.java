package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.fault.FaultProfile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of InvokeCommand (Get-OutboundConnector and Get-TransportRule, valid token, no injected faults) with many
 * client threads, and the heap the simulator needs for its seeded tenants. Not a test: run it with
 * {@code exchange-simulator/benchmark [--tenants N] [--threads N] [--seconds N]}.
 * Client and simulator share this JVM and this machine's cores, so the figure is a floor for a separate client.
 */
public final class InvokeCommandBenchmark {

    private InvokeCommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenantCount = intOption(args, "--tenants", 10_000);
        int threads = intOption(args, "--threads", 32);
        int seconds = intOption(args, "--seconds", 15);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path stateDirectory = Files.createTempDirectory("simulator-benchmark");

        try (ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(stateDirectory))) {
            long heapBefore = settledHeap(memory);
            List<TenantSpec> population = TenantPopulation.generate(tenantCount, SimulatorOptions.DEFAULT_SEED);
            long seedingStarted = System.nanoTime();
            population.forEach(simulator::createTenant);
            long seedingMs = (System.nanoTime() - seedingStarted) / 1_000_000;
            long heapAfter = settledHeap(memory);
            System.out.printf("seeded %d tenants in %d ms; heap used %.1f MiB (%.1f MiB for the tenants, %.1f KiB each)%n",
                    tenantCount, seedingMs, mib(heapAfter), mib(heapAfter - heapBefore), (heapAfter - heapBefore) / 1024.0 / tenantCount);

            // Exchange's three concurrent calls per tenant: give each client thread its own tenant so none is refused.
            simulator.setFaults(FaultProfile.NONE);
            SimulatorClient client = new SimulatorClient(simulator);
            List<SimulatedTenant> tenants = population.stream().filter(t -> !t.dehydrated()).limit(threads)
                    .map(t -> simulator.tenant(t.tenantId()).orElseThrow()).toList();
            List<String> tokens = tenants.stream().map(t -> client.token(t.tenantId(), "https://outlook.office365.com")).toList();

            run(client, tenants, tokens, 5, "warm-up");
            run(client, tenants, tokens, seconds, "measured");
        }
    }

    private static void run(SimulatorClient client, List<SimulatedTenant> tenants, List<String> tokens, int seconds, String label)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(tenants.size());
        for (int i = 0; i < tenants.size(); i++) {
            String tenantId = tenants.get(i).tenantId();
            String token = tokens.get(i);
            long[] samples = new long[1_000_000];
            latencies.add(samples);
            Thread caller = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    String cmdlet = n % 2 == 0 ? "Get-OutboundConnector" : "Get-TransportRule";
                    long started = System.nanoTime();
                    HttpResponse<String> response = client.invoke(tenantId, token, cmdlet, Map.of());
                    if (n < samples.length) {
                        samples[n] = System.nanoTime() - started;
                    }
                    n++;
                    (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                }
                samples[samples.length - 1] = n;
                done.countDown();
            }, "benchmark-client-" + i);
            caller.setDaemon(true);
            caller.start();
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream()
                .flatMapToLong(s -> Arrays.stream(s, 0, (int) Math.min(s[s.length - 1], s.length - 1)))
                .sorted().toArray();
        System.out.printf("%s: %d client threads, %.1f s: %d calls OK, %d not OK, %.0f calls/s; latency p50 %.1f ms, p99 %.1f ms%n",
                label, tenants.size(), elapsed, ok.get(), failed.get(), ok.get() / elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    /** Heap in use after the collector has had its say, so that garbage is not counted. */
    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static int intOption(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
