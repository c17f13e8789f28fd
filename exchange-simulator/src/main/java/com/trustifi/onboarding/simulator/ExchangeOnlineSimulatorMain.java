package com.trustifi.onboarding.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.simulator.fault.FaultProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process:
 * {@code --port N} (default 8443), {@code --state-dir DIR} (default a new temp dir),
 * {@code --tenants N} (default 10000, see {@link TenantPopulation}), {@code --seed S} (default 42),
 * {@code --faults FILE} (JSON {@code {"global":{profile},"tenants":{"<tenant>":{profile}}}}),
 * {@code --rule-propagation-seconds N} (default 0), {@code --public-host NAME} (listen on every interface, as NAME;
 * for a container). Stops on SIGTERM or Ctrl-C.
 */
public final class ExchangeOnlineSimulatorMain {

    private static final String USAGE = "use --port N, --state-dir DIR, --tenants N, --seed S, --faults FILE, --rule-propagation-seconds N, --public-host NAME";

    private ExchangeOnlineSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 8443;
        Path stateDirectory = null;
        int tenantCount = 10_000;
        long seed = SimulatorOptions.DEFAULT_SEED;
        Path faultsFile = null;
        Duration propagation = Duration.ZERO;
        String publicHost = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--state-dir" -> stateDirectory = Path.of(value(args, ++i, "--state-dir"));
                case "--tenants" -> tenantCount = Integer.parseInt(value(args, ++i, "--tenants"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--faults" -> faultsFile = Path.of(value(args, ++i, "--faults"));
                case "--public-host" -> publicHost = value(args, ++i, "--public-host");
                case "--rule-propagation-seconds" -> propagation = Duration.ofSeconds(Long.parseLong(value(args, ++i, "--rule-propagation-seconds")));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "; " + USAGE);
            }
        }
        if (stateDirectory == null) {
            stateDirectory = Files.createTempDirectory("exchange-simulator");
        }

        SimulatorOptions options = SimulatorOptions.defaults(stateDirectory).withPort(port).withSeed(seed)
                .withTransportRulePropagationDelay(propagation).withPublicHost(publicHost);
        ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "exchange-simulator-shutdown"));

        List<TenantSpec> population = TenantPopulation.generate(tenantCount, seed);
        population.forEach(simulator::createTenant);
        if (faultsFile != null) {
            applyFaults(simulator, new ObjectMapper().readTree(faultsFile.toFile()));
        }

        System.out.println("Exchange Online simulator listening on " + simulator.baseUri());
        System.out.println("  truststore:          " + simulator.trustStore() + " (PKCS12, password " + simulator.trustStorePassword() + ")");
        System.out.println("  client id:           " + options.clientId());
        System.out.println("  client secret:       see SimulatorOptions.DEFAULT_CLIENT_SECRET");
        System.out.println("  tenants:             " + population.size() + " (seed " + seed + "), for example:");
        for (TenantSpec spec : population.subList(0, Math.min(3, population.size()))) {
            System.out.println("    " + spec.tenantId() + "  " + spec.initialDomain() + "  " + spec.displayName());
        }
        System.out.flush();
        stopped.await();
    }

    private static void applyFaults(ExchangeOnlineSimulator simulator, JsonNode file) {
        for (Iterator<String> keys = file.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("global") && !key.equals("tenants")) {
                throw new IllegalArgumentException("Unknown key '" + key + "' in the faults file; expected \"global\" and \"tenants\"");
            }
        }
        if (file.has("global")) {
            simulator.setFaults(FaultProfile.fromJson(file.get("global")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> tenants = file.path("tenants").fields(); tenants.hasNext(); ) {
            Map.Entry<String, JsonNode> tenant = tenants.next();
            simulator.setTenantFaults(tenant.getKey(), FaultProfile.fromJson(tenant.getValue()));
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
