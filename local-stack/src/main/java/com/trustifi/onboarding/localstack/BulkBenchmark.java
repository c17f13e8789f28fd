package com.trustifi.onboarding.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.simulator.DemoTenants;
import com.trustifi.onboarding.simulator.DomainSpec;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantSpec;
import com.trustifi.onboarding.simulator.exchange.CmdletCount;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk onboarding as a bulk partner runs it, measured: N tenants, each customer with its own relay account, connected
 * through the consent flow, then one batch through the REST API, polled to the end; every tenant's objects are then
 * checked in the simulator. PostgreSQL flushes every commit (durable, as production pays). Prints one line:
 * {@code bulk: tenants=.. latency_ms=.. accept_s=.. end_to_end_s=.. succeeded=.. exact_objects=.. rss_api_mb=..
 * rss_worker_mb=.. status_p99_ms=..}. Run it with {@code benchmarks/bulk}.
 */
public final class BulkBenchmark {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(60);
    private static final int SETUP_THREADS = 8;
    private static final int RETRY_AFTER_SECONDS = 2;
    private static final Duration IDLE_STATUS_LOAD_FOR = Duration.ofSeconds(30);
    private static final Duration IDLE_STATUS_WARM_UP = Duration.ofSeconds(15);
    /** The status load's own start (its JVM, its connections), before the batch and not measured. */
    private static final Duration BATCH_STATUS_WARM_UP = Duration.ofSeconds(15);
    /** As many as the first page of the batch's onboardings that the load then polls. */
    private static final int STATUS_TARGETS = 500;
    private static final String SPF = "v=spf1 ip4:52.73.143.252 ip4:52.54.159.237 include:spf.protection.outlook.com -all";

    /** The command line: see {@code benchmarks/bulk --help}. */
    record Options(int tenants, long latencyMs, double throttleRate, double unavailableRate, int workers, int statusLoad,
                   int idleStatusLoad, Path flightRecordings, int sweepRate, int warmUp) {

        static Options parse(List<String> args) {
            int tenants = 1000;
            long latencyMs = 0;
            double throttleRate = 0;
            double unavailableRate = 0;
            int workers = 1;
            int statusLoad = 0;
            int idleStatusLoad = 0;
            Path flightRecordings = null;
            int sweepRate = 0;
            int warmUp = 0;
            for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
                String name = it.next();
                if (!it.hasNext()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = it.next();
                switch (name) {
                    case "--tenants" -> tenants = Integer.parseInt(value);
                    case "--latency-ms" -> latencyMs = Long.parseLong(value);
                    case "--throttle-rate" -> throttleRate = Double.parseDouble(value);
                    case "--unavailable-rate" -> unavailableRate = Double.parseDouble(value);
                    case "--workers" -> workers = Integer.parseInt(value);
                    case "--status-load" -> statusLoad = Integer.parseInt(value);
                    case "--idle-status-load" -> idleStatusLoad = Integer.parseInt(value);
                    case "--jfr" -> flightRecordings = Path.of(value).toAbsolutePath();
                    case "--sweep-rate" -> sweepRate = Integer.parseInt(value);
                    case "--warm-up" -> warmUp = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (tenants < 1 || tenants > 10_000) {
                throw new IllegalArgumentException("--tenants must be 1 to 10000 (one batch): " + tenants);
            }
            if (warmUp < 0 || warmUp > 10_000) {
                throw new IllegalArgumentException("--warm-up must be 0 (none) to 10000 tenants: " + warmUp);
            }
            if (sweepRate < 0) {
                throw new IllegalArgumentException("--sweep-rate must be 0 (no sweep) or the fleet watch's checks per minute: " + sweepRate);
            }
            return new Options(tenants, latencyMs, throttleRate, unavailableRate, workers, statusLoad, idleStatusLoad,
                    flightRecordings, sweepRate, warmUp);
        }

        FaultProfile faults() {
            return FaultProfile.NONE.withLatency(latencyMs).withThrottling(throttleRate, RETRY_AFTER_SECONDS)
                    .withUnavailableRate(unavailableRate);
        }
    }

    /** What one customer brings: its tenant, the domain it relays and its relay account. */
    private record Customer(SimulatedTenant tenant, String relayDomain, OnboardingApiClient.OpenedRelayAccount account) {
    }

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bulk: " + e.getMessage());
            System.err.println("usage: benchmarks/bulk [--tenants N] [--latency-ms N] [--throttle-rate X] [--unavailable-rate X] "
                    + "[--workers N] [--status-load RPS] [--idle-status-load RPS] [--jfr FOLDER] [--sweep-rate CHECKS_PER_MINUTE] [--warm-up N]");
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("tenant-onboarding-bulk");
        if (options.flightRecordings() != null) {
            // each service records its CPU samples and allocations from start to exit
            Files.createDirectories(options.flightRecordings());
            System.setProperty(ServiceProcess.EXTRA_JVM_OPTIONS, "-XX:StartFlightRecording=settings=profile,filename="
                    + options.flightRecordings().resolve("{name}.jfr"));
        }
        say("Starting the local stack (" + options.workers() + " worker(s), durable commits) in " + work);
        say("Scheduler: " + SchedulerGroups.describe(SchedulerGroups.SETTING, SchedulerGroups.OWN_GROUP));
        LocalStack.Settings settings = LocalStack.Settings.DEFAULTS.withWorkers(options.workers()).withDurableCommits();
        // the sweep's checks, if asked for, are the ones that confirm the onboardings in effect
        Map<String, String> api = new HashMap<>(LocalStack.ACTIVATION_AS_IN_PRODUCTION);
        if (options.sweepRate() > 0) {
            api.put("onboarding.fleet-watch.tick", "5s");
            api.put("onboarding.fleet-watch.checks-per-minute", String.valueOf(options.sweepRate()));
        }
        settings = settings.withApiOverrides(api);
        LocalStack stack = LocalStack.start(ProjectLayout.find(), work, settings);
        int exitCode;
        try {
            exitCode = run(stack, options) ? 0 : 1;
        } finally {
            stack.close();
        }
        System.exit(exitCode);
    }

    private static boolean run(LocalStack stack, Options options) throws Exception {
        var operator = new OnboardingApiClient(stack.apiBaseUri());
        operator.signUpPartner(stack.operatorKey(), "Bulk partner");
        OnboardingApiClient api = OnboardingApiClient.asPartner(stack.apiBaseUri(), operator.apiKey());

        long setupStarted = System.nanoTime();
        List<Customer> everyone = prepareCustomers(stack, api, options.warmUp() + options.tenants());
        awaitConnectionsReady(api, everyone.size());
        say(String.format(Locale.ROOT, "Set up %d tenants, consented and checked, with their relay accounts in %.1f s",
                everyone.size(), seconds(setupStarted)));

        stack.simulator().setFaults(options.faults());
        if (options.warmUp() > 0) {
            warmUp(api, everyone.subList(0, options.warmUp()));
        }
        List<Customer> customers = everyone.subList(options.warmUp(), everyone.size());
        List<OnboardingApiClient.BatchRow> rows = rows(customers);
        StatusLoadProcess load = options.statusLoad() > 0 ? warmStatusLoad(stack, customers, api.apiKey(), options.statusLoad()) : null;
        StatusLoadProcess.Result loadResult = null;
        CpuUse cpuBefore = CpuUse.of(stack);
        long submitted = System.nanoTime();
        double acceptSeconds;
        String batchId;
        JsonNode batch;
        // the load is stopped whatever happens from here, the submission included
        try {
            JsonNode receipt = api.submitBatch(rows);
            acceptSeconds = seconds(submitted);
            batchId = receipt.path("id").asText();
            say(String.format(Locale.ROOT, "Batch %s: %d accepted, %d rejected in %.2f s (submitted at %s)", batchId,
                    receipt.path("accepted").asInt(), receipt.path("rejected").asInt(), acceptSeconds,
                    Instant.now().minusNanos(System.nanoTime() - submitted)));
            if (load != null) {
                load.measureOn(statusTargets(stack, api, batchId));
            }
            batch = awaitBatch(api, batchId, receipt.path("accepted").asInt(), submitted);
        } finally {
            if (load != null) {
                loadResult = load.stop();
            }
        }
        double endToEnd = seconds(submitted);
        CpuUse batchCpu = CpuUse.of(stack).minus(cpuBefore);
        say("CPU seconds during the batch (which ended at " + Instant.now() + "): " + batchCpu);
        say("Of those, the JVMs' own threads: " + batchCpu.jvmThreads());
        stack.simulator().setFaults(FaultProfile.NONE);

        long succeeded = batch.path("counts").path("SUCCEEDED").asLong();
        long exact = customers.stream()
                .filter(c -> SeedObjects.holds(c.tenant(), c.relayDomain(), c.account().relaySecret())).count();
        batch.path("failed").forEach(failure -> say("  FAILED " + failure.path("tenantId").asText() + ": " + failure.path("detail").asText()));
        long unlisted = batch.path("counts").path("FAILED").asLong() - batch.path("failed").size();
        if (unlisted > 0) {
            say("  ... and " + unlisted + " more FAILED (the batch report lists the first " + batch.path("failed").size() + ")");
        }
        // the tenants' own calls: the connection checks made before the batch count too (one Get-OrganizationConfig each)
        double calls = customers.stream().mapToLong(c -> c.tenant().cmdletCounts().values().stream().mapToLong(CmdletCount::calls).sum())
                .average().orElse(0);
        double tokens = customers.stream().mapToLong(c -> c.tenant().tokenRequests()).average().orElse(0);
        say(String.format(Locale.ROOT, "Per tenant: %.1f Exchange calls (faults included), %.1f token requests", calls, tokens));
        if (options.workers() > 1) {
            reportWorkerSplit(stack.logDirectory(), options.warmUp() > 0);
        }
        if (loadResult != null) {
            say(String.format(Locale.ROOT, "Status load: %d timed, %d errors, p50 %.1f ms", loadResult.timed(),
                    loadResult.errors(), loadResult.p50Millis()));
        }
        say(String.format(Locale.ROOT,
                "bulk: tenants=%d latency_ms=%d warm_up=%d accept_s=%.1f end_to_end_s=%.1f succeeded=%d exact_objects=%d "
                        + "rss_api_mb=%d rss_worker_mb=%d status_p99_ms=%s",
                options.tenants(), options.latencyMs(), options.warmUp(), acceptSeconds, endToEnd, succeeded, exact, stack.apiPeakRssMb(),
                stack.workerPeakRssMb(), loadResult == null ? "-" : String.format(Locale.ROOT, "%.0f", loadResult.p99Millis())));
        boolean allExact = succeeded == options.tenants() && exact == options.tenants();
        if (options.idleStatusLoad() > 0) {
            measureIdleStatusLoad(stack, api, batchId, options.idleStatusLoad());
        }
        if (options.sweepRate() == 0) {
            return allExact;
        }
        stack.simulator().setFaults(options.faults());
        // the warm-up's tenants are onboarded too: the fleet watch checks them with the others
        boolean allInSync = FleetSweep.measure(stack, api, everyone.stream().map(Customer::tenant).toList(), options.sweepRate());
        stack.simulator().setFaults(FaultProfile.NONE);
        return allExact && allInSync;
    }

    private static List<OnboardingApiClient.BatchRow> rows(List<Customer> customers) {
        return customers.stream()
                .map(c -> new OnboardingApiClient.BatchRow(c.tenant().tenantId(), c.account().id(), List.of(c.relayDomain()))).toList();
    }

    /**
     * A batch of other tenants first, not measured: the services then run the measured batch compiled, as a stack
     * that has been serving for a while does, and the figures show what a tenant costs apart from the JIT's warm-up.
     */
    private static void warmUp(OnboardingApiClient api, List<Customer> customers) throws Exception {
        long submitted = System.nanoTime();
        JsonNode receipt = api.submitBatch(rows(customers));
        JsonNode batch = awaitBatch(api, receipt.path("id").asText(), receipt.path("accepted").asInt(), submitted);
        say(String.format(Locale.ROOT, "Warm-up batch of %d tenants (not measured): %s in %.1f s", customers.size(),
                batch.path("counts"), seconds(submitted)));
    }

    /**
     * Creates the tenants in the simulator and, in parallel as a partner portal onboarding its customers would:
     * publishes each domain's SPF record, connects the tenant through the consent page, opens its relay account.
     */
    private static List<Customer> prepareCustomers(LocalStack stack, OnboardingApiClient api, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<Customer>> pending = new ArrayList<>();
            for (TenantSpec spec : DemoTenants.specs(count)) {
                pending.add(pool.submit(() -> {
                    SimulatedTenant tenant = stack.simulator().createTenant(spec);
                    String domain = spec.domains().stream().map(DomainSpec::name).findFirst().orElseThrow();
                    stack.dns().putTxt(domain, SPF);
                    api.connect(tenant.tenantId(), stack.administratorBrowser(), tenant.administrator());
                    var account = api.openRelayAccountWithSecret(tenant.displayName(), List.of(domain), "mx." + domain);
                    return new Customer(tenant, domain, account);
                }));
            }
            List<Customer> customers = new ArrayList<>();
            for (Future<Customer> customer : pending) {
                customers.add(customer.get());
            }
            return customers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every consent starts a connection check; the batch starts once all have answered, so it runs alone. */
    private static void awaitConnectionsReady(OnboardingApiClient api, int count) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> states = new HashMap<>();
            api.connections().forEach(connection -> states.merge(connection.path("check").path("status").asText(), 1, Integer::sum));
            if (states.getOrDefault("READY", 0) == count) {
                return;
            }
            if (states.getOrDefault("ACTION_NEEDED", 0) > 0) {
                throw new IllegalStateException("Some connection checks failed: " + states);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The connection checks did not finish within " + GIVE_UP_AFTER);
    }

    /** Status GETs on the stack at rest, the batch done: what a partner portal's polling alone costs. */
    private static void measureIdleStatusLoad(LocalStack stack, OnboardingApiClient api, String batchId, int requestsPerSecond)
            throws Exception {
        // measured after a warm-up, as a running API has served polls before: its first ones are compiled as they come
        StatusLoadProcess load = StatusLoadProcess.start(statusTargets(stack, api, batchId), api.apiKey(), requestsPerSecond,
                IDLE_STATUS_WARM_UP, stack.logDirectory());
        Thread.sleep(IDLE_STATUS_WARM_UP.toMillis());
        CpuUse before = CpuUse.of(stack);
        StatusLoadProcess.Result result = load.stopAfter(IDLE_STATUS_LOAD_FOR);
        say(String.format(Locale.ROOT, "Idle status load: %d GET/s for %d s after %d s of warm-up, %d timed, %d errors, "
                        + "p50 %.1f ms, p99 %.1f ms; CPU seconds: %s", requestsPerSecond, IDLE_STATUS_LOAD_FOR.toSeconds(),
                IDLE_STATUS_WARM_UP.toSeconds(), result.timed(), result.errors(), result.p50Millis(), result.p99Millis(),
                CpuUse.of(stack).minus(before)));
    }

    /**
     * The status load, started on the stack before the batch as partner portals already poll it, on the customers'
     * relay accounts (their onboardings do not exist yet): the batch's first seconds then find the load's own JVM
     * compiled and its connections open, as they would find a portal's, rather than timing the load's start-up.
     */
    private static StatusLoadProcess warmStatusLoad(LocalStack stack, List<Customer> customers, String apiKey, int requestsPerSecond)
            throws Exception {
        List<URI> relayAccounts = customers.stream().limit(STATUS_TARGETS)
                .map(c -> stack.apiBaseUri().resolve("/v1/relay-accounts/" + c.account().id())).toList();
        // a warm-up with no end of its own: the load is measured once it is given the batch's onboardings
        StatusLoadProcess load = StatusLoadProcess.start(relayAccounts, apiKey, requestsPerSecond, Duration.ofDays(1), stack.logDirectory());
        Thread.sleep(BATCH_STATUS_WARM_UP.toMillis());
        return load;
    }

    /** The first page of the batch's onboardings: what the status load polls. */
    private static List<URI> statusTargets(LocalStack stack, OnboardingApiClient api, String batchId) throws Exception {
        List<URI> targets = new ArrayList<>();
        api.onboardingsOfBatch(batchId).path("items")
                .forEach(item -> targets.add(stack.apiBaseUri().resolve("/v1/onboardings/" + item.path("id").asText())));
        return targets;
    }

    private static JsonNode awaitBatch(OnboardingApiClient api, String batchId, int accepted, long submitted) throws Exception {
        long deadline = submitted + GIVE_UP_AFTER.toNanos();
        long nextReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            JsonNode batch = api.batch(batchId);
            JsonNode counts = batch.path("counts");
            long finished = counts.path("SUCCEEDED").asLong() + counts.path("FAILED").asLong() + counts.path("CANCELED").asLong();
            if (System.nanoTime() >= nextReport) {
                say(String.format(Locale.ROOT, "  %6.1f s  %s", seconds(submitted), counts));
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            if (finished >= accepted) {
                return batch;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The batch did not finish within " + GIVE_UP_AFTER);
    }

    /**
     * How the plans split among the workers, from their logs ("ONBOARD <command> for tenant <id>" as each plan
     * starts), and whether any tenant's onboarding ran on two workers.
     */
    private static void reportWorkerSplit(Path logs, boolean warmUpIncluded) throws java.io.IOException {
        Pattern plan = Pattern.compile("ONBOARD \\S+ for tenant ([0-9a-fA-F-]{36})");
        Map<String, Set<String>> workersByTenant = new HashMap<>();
        StringBuilder split = new StringBuilder(warmUpIncluded ? "Plans by worker (the warm-up's included):" : "Plans by worker:");
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("tenant-worker")).sorted().toList()) {
                String worker = log.getFileName().toString().replace(".log", "");
                long plans = 0;
                for (String line : Files.readAllLines(log)) {
                    Matcher matcher = plan.matcher(line);
                    if (matcher.find()) {
                        plans++;
                        workersByTenant.computeIfAbsent(matcher.group(1), tenant -> new HashSet<>()).add(worker);
                    }
                }
                split.append(' ').append(worker).append('=').append(plans);
            }
        }
        long shared = workersByTenant.values().stream().filter(workers -> workers.size() > 1).count();
        say(split + "; tenants whose onboarding ran on more than one worker: " + shared);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
