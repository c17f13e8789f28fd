package com.trustifi.onboarding.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process with a few demo tenants:
 * {@code --port N} (default 8443), {@code --state-dir DIR} (default a new temp dir), {@code --demo-tenants N} (default 3).
 * Stops on SIGTERM or Ctrl-C.
 */
public final class ExchangeOnlineSimulatorMain {

    private ExchangeOnlineSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 8443;
        Path stateDirectory = null;
        int demoTenants = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--state-dir" -> stateDirectory = Path.of(value(args, ++i, "--state-dir"));
                case "--demo-tenants" -> demoTenants = Integer.parseInt(value(args, ++i, "--demo-tenants"));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --port N, --state-dir DIR, --demo-tenants N");
            }
        }
        if (stateDirectory == null) {
            stateDirectory = Files.createTempDirectory("exchange-simulator");
        }

        SimulatorOptions options = SimulatorOptions.defaults(stateDirectory).withPort(port);
        ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "exchange-simulator-shutdown"));

        List<SimulatedTenant> seeded = new ArrayList<>();
        for (TenantSpec spec : DemoTenants.specs(demoTenants)) {
            seeded.add(simulator.createTenant(spec));
        }

        System.out.println("Exchange Online simulator listening on " + simulator.baseUri());
        System.out.println("  truststore:          " + simulator.trustStore() + " (PKCS12, password " + simulator.trustStorePassword() + ")");
        System.out.println("  client id:           " + options.clientId());
        System.out.println("  client secret:       see SimulatorOptions.DEFAULT_CLIENT_SECRET");
        for (SimulatedTenant tenant : seeded) {
            System.out.println("  tenant " + tenant.tenantId() + "  " + tenant.initialDomain() + "  " + tenant.displayName());
        }
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
