package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.infrastructure.LocalDnsServer;
import com.trustifi.onboarding.simulator.ExchangeOnlineSimulator;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The simulator (Entra, Graph and Exchange Online over HTTPS) and a DNS server in the test's JVM, with the worker
 * configured to reach them exactly as it reaches the real services. Test classes get both in fields of their type.
 */
public class SimulatedExchangeResource implements QuarkusTestResourceLifecycleManager {

    static final String RELAY_KEY_ID = "plan-tests";

    private ExchangeOnlineSimulator simulator;
    private LocalDnsServer dns;

    @Override
    public Map<String, String> start() {
        try {
            simulator = ExchangeOnlineSimulator.start(SimulatorOptions.defaults(Files.createTempDirectory("plan-tests")));
            dns = LocalDnsServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the JDK's default trust store is read on first use, which is after this: the HTTP stack trusts the simulator
        // as the service trusts Microsoft, with nothing in the production code knowing about tests
        System.setProperty("javax.net.ssl.trustStore", simulator.trustStore().toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", simulator.trustStorePassword());
        byte[] relayKey = new byte[32];
        new SecureRandom().nextBytes(relayKey);
        String url = simulator.baseUri().toString();
        return Map.of("worker.identity.authority-host", url,
                "worker.graph.base-url", url,
                "worker.exchange.base-url", url,
                "worker.spf.resolver", dns.address(),
                "worker.identity.client-id", SimulatorOptions.DEFAULT_CLIENT_ID,
                "worker.identity.client-secret", SimulatorOptions.DEFAULT_CLIENT_SECRET,
                "worker.relay-secrets.current-key-id", RELAY_KEY_ID,
                "worker.relay-secrets.keys." + RELAY_KEY_ID, Base64.getEncoder().encodeToString(relayKey));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator, new TestInjector.MatchesType(ExchangeOnlineSimulator.class));
        injector.injectIntoFields(dns, new TestInjector.MatchesType(LocalDnsServer.class));
    }

    @Override
    public void stop() {
        if (dns != null) {
            dns.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
