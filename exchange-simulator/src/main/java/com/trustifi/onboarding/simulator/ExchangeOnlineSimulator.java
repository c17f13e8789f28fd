package com.trustifi.onboarding.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.trustifi.onboarding.simulator.admin.AdminEndpoint;
import com.trustifi.onboarding.simulator.exchange.CmdletCatalog;
import com.trustifi.onboarding.simulator.exchange.CmdletParameters;
import com.trustifi.onboarding.simulator.exchange.InvokeCommandEndpoint;
import com.trustifi.onboarding.simulator.exchange.RulePropagation;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import com.trustifi.onboarding.simulator.graph.GraphEndpoint;
import com.trustifi.onboarding.simulator.http.FailSafeHandler;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.tls.ServerCertificate;
import com.trustifi.onboarding.simulator.tls.TrustMaterial;
import com.trustifi.onboarding.simulator.token.AccessTokenSigner;
import com.trustifi.onboarding.simulator.signin.SigningKeys;
import com.trustifi.onboarding.simulator.token.BearerAuthentication;
import com.trustifi.onboarding.simulator.token.EntraEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft Entra (sign-in, admin consent, token endpoint, signing keys), Microsoft Graph v1.0 and the Exchange Online admin REST endpoint for many
 * tenants at once, served over HTTPS on 127.0.0.1 with a certificate made at start.
 */
public final class ExchangeOnlineSimulator implements AutoCloseable {

    /**
     * Requests are short and CPU-bound, but injected latency and slow answers park a thread each; this many lets the
     * calls of thousands of plans in flight sleep at once (two workers' 2,000 plans each), so that the simulator is not
     * what limits a latency benchmark, while idle threads cost only their small stacks. As many keep-alive connections
     * may wait idle: one per call in flight, over HTTP/1.1.
     */
    private static final int THREADS = 4096;
    private static final long THREAD_STACK_BYTES = 256 * 1024;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final TenantRegistry tenants;
    private final CmdletCatalog catalog;
    private final FaultPlan faults;
    private final RulePropagation propagation;
    private final SigningKeys signingKeys;
    private final URI baseUri;
    private final Path trustStore;

    private ExchangeOnlineSimulator(HttpsServer server, ExecutorService executor, TenantRegistry tenants, CmdletCatalog catalog,
                                    FaultPlan faults, RulePropagation propagation, SigningKeys signingKeys, URI baseUri, Path trustStore) {
        this.signingKeys = signingKeys;
        this.server = server;
        this.executor = executor;
        this.tenants = tenants;
        this.catalog = catalog;
        this.faults = faults;
        this.propagation = propagation;
        this.baseUri = baseUri;
        this.trustStore = trustStore;
    }

    /**
     * Binds 127.0.0.1 (every interface, with a public host) on {@code options.port()} (0 = any free port), writes the
     * trust material and starts serving.
     */
    public static ExchangeOnlineSimulator start(SimulatorOptions options) {
        keepConnectionsLikeExchange();
        TrustMaterial trust = new TrustMaterial(ServerCertificate.generate(options.publicHost()));
        Path trustStore = trust.writeTrustStore(options.stateDirectory());
        trust.writeCertificatePem(options.stateDirectory());

        HttpsServer server;
        try {
            InetSocketAddress address = options.publicHost() == null
                    ? new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), options.port())
                    : new InetSocketAddress(options.port());
            server = HttpsServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind port " + options.port(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(trust.serverContext()));
        String host = options.publicHost() == null ? "127.0.0.1" : options.publicHost();
        URI baseUri = URI.create("https://" + host + ":" + server.getAddress().getPort());

        TenantRegistry tenants = new TenantRegistry();
        CmdletCatalog catalog = CmdletCatalog.standard();
        FaultPlan faults = new FaultPlan(options.seed());
        RulePropagation propagation = new RulePropagation(options.transportRulePropagationDelay());
        JsonWire json = new JsonWire();
        Clock clock = Clock.systemUTC();
        AccessTokenSigner signer = new AccessTokenSigner();
        BearerAuthentication authentication = new BearerAuthentication(signer, tenants, clock);

        SigningKeys signingKeys = new SigningKeys();
        mount(server, "/", new EntraEndpoint(baseUri, tenants, options, signer, faults, signingKeys, json, clock), json);
        mount(server, "/v1.0/", new GraphEndpoint(authentication, faults, options.clientId(), json, clock), json);
        mount(server, "/adminapi/", new InvokeCommandEndpoint(authentication, tenants, catalog, faults, propagation,
                baseUri.toString(), json), json);
        mount(server, "/admin/", new AdminEndpoint(tenants, catalog, faults, propagation, signingKeys, json), json);

        // a thread per call in flight, up to THREADS: idle ones are used first and end after a while, so a simulator
        // in a test holds about as many threads as it has had calls at once, not THREADS
        ExecutorService executor = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new ExchangeOnlineSimulator(server, executor, tenants, catalog, faults, propagation, signingKeys, baseUri, trustStore);
    }

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, keep-alive clients wait for the
     * peer's delayed ACK (about 40 ms) on every call, which caps throughput at a fifth of what it is without. And it
     * keeps at most 200 idle keep-alive connections (here as many as there are threads): with more calls in flight
     * than that, clients open a new TLS connection for about every other call (measured: half the worker's CPU in
     * handshakes with 2,000 plans in flight and 1,024 idle connections), which Exchange's front end, over HTTP/2, does
     * not make them do. The JDK reads these properties once, when its first HttpServer starts, so an
     * explicit setting by the JVM's owner wins.
     */
    private static void keepConnectionsLikeExchange() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", String.valueOf(THREADS));
        }
    }

    private static void mount(HttpsServer server, String path, HttpHandler handler, JsonWire json) {
        server.createContext(path, new FailSafeHandler(handler, json));
    }

    /** Daemon threads, so a test that forgets close() cannot keep its JVM alive. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, "exchange-simulator-" + count.incrementAndGet(), THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For example {@code https://127.0.0.1:43123}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The PKCS12 truststore holding the server certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public String trustStorePassword() {
        return TrustMaterial.TRUSTSTORE_PASSWORD;
    }

    /**
     * Same as {@code POST /admin/tenants}.
     *
     * @throws IllegalArgumentException   for an invalid spec
     * @throws TenantConflictException    when the GUID or a domain already belongs to a tenant
     */
    public SimulatedTenant createTenant(TenantSpec spec) {
        return tenants.register(SimulatedTenant.from(spec));
    }

    public Optional<SimulatedTenant> tenant(String tenantIdOrDomain) {
        return tenants.find(tenantIdOrDomain);
    }

    /**
     * Same as {@code POST /admin/tenants/{tenant}/users}: a user who can sign in to the tenant on the sign-in page.
     * Every tenant starts with one Global Administrator, {@code admin@<initial domain>} ({@link DirectoryUser#DEFAULT_PASSWORD}).
     */
    public DirectoryUser addUser(String tenantIdOrDomain, DirectoryUser user) {
        return existing(tenantIdOrDomain).addUser(user);
    }

    /** Same as {@code POST /admin/signing-keys/rotate}: id tokens are signed with a new key from now on; returns its kid. */
    public String rotateSigningKey(boolean retirePrevious) {
        return signingKeys.rotate(retirePrevious);
    }

    /** Same as {@code PUT /admin/faults}: the profile of every tenant without one of its own. */
    public void setFaults(FaultProfile profile) {
        faults.global(profile);
    }

    public FaultProfile faults() {
        return faults.global();
    }

    /** Same as {@code PUT /admin/tenants/{tenant}/faults}: replaces the global profile for this tenant. */
    public void setTenantFaults(String tenantIdOrDomain, FaultProfile profile) {
        faults.tenant(existing(tenantIdOrDomain).tenantId(), profile);
    }

    /** Same as {@code DELETE /admin/tenants/{tenant}/faults}: the tenant follows the global profile again. */
    public void clearTenantFaults(String tenantIdOrDomain) {
        faults.clearTenant(existing(tenantIdOrDomain).tenantId());
    }

    /** Same as {@code PUT /admin/propagation}; applies to rule changes made from now on. */
    public void setTransportRulePropagationDelay(Duration delay) {
        propagation.delay(delay);
    }

    /**
     * Applies a cmdlet as a tenant administrator would by hand, "behind the back" of the code under test: no token,
     * no faults, not counted in the tenant's traffic.
     *
     * @return the cmdlet's output objects, as InvokeCommand would return them in {@code value}
     * @throws com.trustifi.onboarding.simulator.exchange.CmdletException when Exchange would refuse the cmdlet
     */
    public List<Map<String, Object>> invokeAsAdmin(String tenantIdOrDomain, String cmdletName, Map<String, ?> parameters) {
        return existing(tenantIdOrDomain).run(catalog, cmdletName, CmdletParameters.of(parameters), propagation.delay());
    }

    private SimulatedTenant existing(String tenantIdOrDomain) {
        return tenants.find(tenantIdOrDomain)
                .orElseThrow(() -> new IllegalArgumentException("no tenant '" + tenantIdOrDomain + "' in this simulator"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
