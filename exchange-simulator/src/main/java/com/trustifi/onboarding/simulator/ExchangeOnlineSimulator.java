package com.trustifi.onboarding.simulator;

import com.trustifi.onboarding.simulator.admin.AdminEndpoint;
import com.trustifi.onboarding.simulator.exchange.CmdletCatalog;
import com.trustifi.onboarding.simulator.exchange.CmdletParameters;
import com.trustifi.onboarding.simulator.exchange.InvokeCommandEndpoint;
import com.trustifi.onboarding.simulator.exchange.RulePropagation;
import com.trustifi.onboarding.simulator.fault.FaultPlan;
import com.trustifi.onboarding.simulator.fault.FaultProfile;
import com.trustifi.onboarding.simulator.graph.GraphEndpoint;
import com.trustifi.onboarding.simulator.http.Endpoints;
import com.trustifi.onboarding.simulator.http.JsonWire;
import com.trustifi.onboarding.simulator.tls.ServerCertificate;
import com.trustifi.onboarding.simulator.tls.TrustMaterial;
import com.trustifi.onboarding.simulator.token.AccessTokenSigner;
import com.trustifi.onboarding.simulator.signin.SigningKeys;
import com.trustifi.onboarding.simulator.token.BearerAuthentication;
import com.trustifi.onboarding.simulator.token.EntraEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Microsoft Entra (sign-in, admin consent, token endpoint, signing keys), Microsoft Graph v1.0 and the Exchange Online admin REST endpoint for many
 * tenants at once, served over HTTPS (HTTP/2 or HTTP/1.1) on 127.0.0.1 with a certificate made at start.
 */
public final class ExchangeOnlineSimulator implements AutoCloseable {

    /**
     * Requests are short and CPU-bound, but injected latency and slow answers park a thread each; this many lets the
     * calls of thousands of plans in flight sleep at once (two workers' 2,000 plans each), so that the simulator is not
     * what limits a latency benchmark, while idle threads cost only their small stacks.
     */
    private static final int THREADS = 4096;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_THREAD_MILLIS = 30_000;
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    /** Longer than any answer a test or benchmark delays, so that a slow answer is not cut by the server. */
    private static final long CONNECTION_IDLE_MILLIS = 120_000;

    private final Server jetty;
    private final TenantRegistry tenants;
    private final CmdletCatalog catalog;
    private final FaultPlan faults;
    private final RulePropagation propagation;
    private final SigningKeys signingKeys;
    private final URI baseUri;
    private final Path trustStore;
    private final SSLContext clientTrust;

    private ExchangeOnlineSimulator(Server jetty, TenantRegistry tenants, CmdletCatalog catalog, FaultPlan faults,
                                    RulePropagation propagation, SigningKeys signingKeys, URI baseUri, Path trustStore,
                                    SSLContext clientTrust) {
        this.signingKeys = signingKeys;
        this.jetty = jetty;
        this.tenants = tenants;
        this.catalog = catalog;
        this.faults = faults;
        this.propagation = propagation;
        this.baseUri = baseUri;
        this.trustStore = trustStore;
        this.clientTrust = clientTrust;
    }

    /**
     * Binds 127.0.0.1 (every interface, with a public host) on {@code options.port()} (0 = any free port), writes the
     * trust material and starts serving.
     */
    public static ExchangeOnlineSimulator start(SimulatorOptions options) {
        TrustMaterial trust = new TrustMaterial(ServerCertificate.generate(options.publicHost()));
        Path trustStore = trust.writeTrustStore(options.stateDirectory());
        trust.writeCertificatePem(options.stateDirectory());

        // Jetty's default scheduler (idle timeouts) runs on a thread that would keep the JVM alive
        Server jetty = new Server(threads(), new ScheduledExecutorScheduler("exchange-simulator-scheduler", true), null);
        ServerConnector connector = connector(jetty, trust, options);
        try {
            connector.open();
        } catch (IOException e) {
            LifeCycle.stop(jetty);
            throw new UncheckedIOException("Could not bind port " + options.port(), e);
        }
        String host = options.publicHost() == null ? "127.0.0.1" : options.publicHost();
        URI baseUri = URI.create("https://" + host + ":" + connector.getLocalPort());

        TenantRegistry tenants = new TenantRegistry();
        CmdletCatalog catalog = CmdletCatalog.standard();
        FaultPlan faults = new FaultPlan(options.seed());
        RulePropagation propagation = new RulePropagation(options.transportRulePropagationDelay());
        JsonWire json = new JsonWire();
        Clock clock = Clock.systemUTC();
        AccessTokenSigner signer = new AccessTokenSigner();
        BearerAuthentication authentication = new BearerAuthentication(signer, tenants, clock);

        SigningKeys signingKeys = new SigningKeys();
        jetty.setHandler(new Endpoints(json)
                .mount("/", new EntraEndpoint(baseUri, tenants, options, signer, faults, signingKeys, json, clock))
                .mount("/v1.0", new GraphEndpoint(authentication, faults, options.clientId(), json, clock))
                .mount("/adminapi", new InvokeCommandEndpoint(authentication, tenants, catalog, faults, propagation,
                        baseUri.toString(), json))
                .mount("/admin", new AdminEndpoint(tenants, catalog, faults, propagation, signingKeys, json)));
        try {
            jetty.start();
        } catch (Exception e) {
            LifeCycle.stop(jetty);
            throw new IllegalStateException("Could not start the simulator's server", e);
        }
        return new ExchangeOnlineSimulator(jetty, tenants, catalog, faults, propagation, signingKeys, baseUri, trustStore,
                trust.clientContext());
    }

    /**
     * TLS with ALPN, offering HTTP/2 first, as Exchange Online's and Graph's front ends do: a client multiplexes its
     * calls over a few connections. Over HTTP/1.1 each call in flight needs a connection of its own, and with
     * thousands of plans in flight the TLS handshakes of those connections were half the worker's CPU.
     */
    private static ServerConnector connector(Server jetty, TrustMaterial trust, SimulatorOptions options) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // the certificate names the public host, or 127.0.0.1; a client may send any name it likes
        http.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(trust.serverContext());
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(tls, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(http), http11);
        connector.setHost(options.publicHost() == null ? "127.0.0.1" : null);
        connector.setPort(options.port());
        connector.setIdleTimeout(CONNECTION_IDLE_MILLIS);
        jetty.addConnector(connector);
        return connector;
    }

    /**
     * A thread per call in flight, up to THREADS: idle ones end after a while, so a simulator in a test holds about
     * as many threads as it has had calls at once. Daemon threads, so a test that forgets close() cannot keep its JVM
     * alive.
     */
    private static QueuedThreadPool threads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(null, runnable, "exchange-simulator-" + count.incrementAndGet(), THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
        return new QueuedThreadPool(THREADS, MIN_THREADS, IDLE_THREAD_MILLIS, -1, null, null, daemons);
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

    /** A TLS context that trusts the simulator, for clients in this JVM; one serves any number of clients. */
    public SSLContext clientTrust() {
        return clientTrust;
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
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the simulator's server", e);
        }
    }
}
