package com.trustifi.onboarding.worker.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.middleware.GraphTelemetryHandler;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.models.Domain;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.ParametersNameDecodingHandler;
import com.trustifi.onboarding.worker.config.TenantHttpClients;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import com.trustifi.onboarding.worker.identity.TenantCredentials;
import com.trustifi.onboarding.worker.metrics.ProvisioningMetrics;
import com.trustifi.onboarding.worker.retry.Backoff;
import com.trustifi.onboarding.worker.retry.Failure;
import com.trustifi.onboarding.worker.retry.Retrying;
import com.trustifi.onboarding.worker.tracing.PlanSpans;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Reads a customer tenant's organization and domains through the Microsoft Graph SDK. The SDK's
 * own retry middleware is left out: throttling is handled by the worker's one retry loop, which
 * also honours Retry-After.
 */
@Singleton
public class TenantDirectory {

    private static final String VERSION_PATH = "/v1.0";
    private static final String[] ORGANIZATION_PROPERTIES = {"displayName", "createdDateTime"};
    private static final String[] DOMAIN_PROPERTIES = {"id", "isVerified", "supportedServices"};

    private final TenantCredentials credentials;
    private final WorkerConfig.Graph graph;
    /** Graph's HTTP stack over the tenant's connection pool. */
    private final Function<String, OkHttpClient> graphHttp;
    private final Retrying retrying;
    private final ProvisioningMetrics metrics;
    private final PlanSpans spans;

    TenantDirectory(TenantCredentials credentials, WorkerConfig config, TenantHttpClients http, ProvisioningMetrics metrics,
            PlanSpans spans) {
        this.spans = spans;
        this.credentials = credentials;
        this.metrics = metrics;
        // the part of Graph's middleware these two reads need, on the worker's connection pool and dispatcher: one
        // HTTP stack for every call
        this.graphHttp = http.perTenant(pool -> GraphClientFactory.create(new GraphClientOption(),
                        Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption()))
                                .filter(TenantDirectory::needed)
                                .toList())
                .connectionPool(pool.connectionPool())
                .dispatcher(pool.dispatcher())
                .callTimeout(pool.callTimeoutMillis(), TimeUnit.MILLISECONDS)
                .build());
        this.graph = config.graph();
        this.retrying = new Retrying(new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
                config.retry().callAttempts());
    }

    /**
     * Each handler rebuilds the request, a fifth of a read's CPU in all. Kept: the telemetry handler (its
     * client-request-id is what Microsoft's support asks for) and the decoding of {@code %24select} back to
     * {@code $select}, as Graph expects. Left out: retries (the worker's one retry loop has them), redirects (these
     * reads are never redirected; OkHttp's own following is off, so one would fail the read), the user agent, the
     * rewriting of {@code /users/TokenToReplace} to {@code /me}, and header inspection, none of which these reads use.
     */
    private static boolean needed(Interceptor handler) {
        return handler instanceof GraphTelemetryHandler || handler instanceof ParametersNameDecodingHandler;
    }

    public TenantDescription describe(String tenantId) {
        GraphServiceClient client = clientFor(tenantId);
        // only what the description holds: a real organization carries every licence plan the tenant ever had
        Organization organization = retrying.run(() -> timed("organization", () -> client.organization()
                                .get(request -> request.queryParameters.select = ORGANIZATION_PROPERTIES)),
                TenantDirectory::throttled, this::retrying).getValue().get(0);
        List<Domain> domains = Objects.requireNonNull(
                retrying.run(() -> timed("domains", () -> client.domains()
                                .get(request -> request.queryParameters.select = DOMAIN_PROPERTIES)),
                        TenantDirectory::throttled, this::retrying),
                "domains").getValue();
        return new TenantDescription(
                organization.getDisplayName(),
                organization.getCreatedDateTime(),
                domains.stream().map(TenantDirectory::toTenantDomain).toList());
    }

    private <T> T timed(String request, Supplier<T> call) {
        long started = System.nanoTime();
        int status = 0;
        Span span = spans.graphCall(request);
        try {
            T answer = call.get();
            status = 200;
            return answer;
        } catch (ApiException failed) {
            status = failed.getResponseStatusCode();
            throw failed;
        } finally {
            metrics.graphCall(request, status, System.nanoTime() - started);
            PlanSpans.ended(span, status);
        }
    }

    private void retrying(int attempt, Duration wait, RuntimeException failure) {
        metrics.retried("graph", failure instanceof ApiException graph ? graph.getResponseStatusCode() : 0, wait);
    }

    /** Graph reads are safe to repeat; throttling and brief unavailability are worth it, as the classifier says. */
    private static Optional<Failure> throttled(RuntimeException failure) {
        return failure instanceof ApiException ? Optional.of(Failure.of(failure)).filter(classified -> !classified.isPermanent())
                : Optional.empty();
    }

    private static TenantDescription.TenantDomain toTenantDomain(Domain domain) {
        List<String> services = domain.getSupportedServices() == null ? List.of() : domain.getSupportedServices();
        return new TenantDescription.TenantDomain(
                domain.getId(),
                Boolean.TRUE.equals(domain.getIsVerified()),
                services.stream().anyMatch("Email"::equalsIgnoreCase));
    }

    /**
     * A client is bound to one tenant's token, and light: it is made per description (a plan asks for one) rather
     * than kept for every tenant; the HTTP stack and the tokens underneath are shared.
     */
    private GraphServiceClient clientFor(String tenantId) {
        // The SDK sends the token only to hosts it is told about: list the configured one, or it
        // would send requests without Authorization to anything but graph.microsoft.com.
        var authentication = new AzureIdentityAuthenticationProvider(
                credentials.forTenant(tenantId, graph.scope()), new String[] {graph.baseUrl().getHost()}, graph.scope());
        var client = new GraphServiceClient(authentication, graphHttp.apply(tenantId));
        client.getRequestAdapter().setBaseUrl(graph.baseUrl().toString().replaceAll("/$", "") + VERSION_PATH);
        return client;
    }
}
