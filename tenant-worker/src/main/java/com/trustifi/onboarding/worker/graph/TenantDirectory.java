package com.trustifi.onboarding.worker.graph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.Domain;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import com.trustifi.onboarding.worker.identity.TenantCredentials;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Reads a customer tenant's organization and domains through the Microsoft Graph SDK. */
@Singleton
public class TenantDirectory {

    private static final String VERSION_PATH = "/v1.0";

    private final TenantCredentials credentials;
    private final WorkerConfig.Graph graph;
    private final OkHttpClient graphHttp = GraphClientFactory.create().build();
    private final Cache<String, GraphServiceClient> clients = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    TenantDirectory(TenantCredentials credentials, WorkerConfig config) {
        this.credentials = credentials;
        this.graph = config.graph();
    }

    public TenantDescription describe(String tenantId) {
        GraphServiceClient client = clients.get(tenantId, this::create);
        Organization organization = Objects.requireNonNull(client.organization().get(), "organization").getValue().get(0);
        List<Domain> domains = Objects.requireNonNull(client.domains().get(), "domains").getValue();
        return new TenantDescription(
                organization.getDisplayName(),
                organization.getCreatedDateTime(),
                domains.stream().map(TenantDirectory::toTenantDomain).toList());
    }

    private static TenantDescription.TenantDomain toTenantDomain(Domain domain) {
        List<String> services = domain.getSupportedServices() == null ? List.of() : domain.getSupportedServices();
        return new TenantDescription.TenantDomain(
                domain.getId(),
                Boolean.TRUE.equals(domain.getIsVerified()),
                services.stream().anyMatch("Email"::equalsIgnoreCase));
    }

    private GraphServiceClient create(String tenantId) {
        // The SDK sends the token only to hosts it is told about: list the configured one, or it
        // would send requests without Authorization to anything but graph.microsoft.com.
        var authentication = new AzureIdentityAuthenticationProvider(
                credentials.forTenant(tenantId, graph.scope()), new String[] {graph.baseUrl().getHost()}, graph.scope());
        var client = new GraphServiceClient(authentication, graphHttp);
        client.getRequestAdapter().setBaseUrl(graph.baseUrl().toString().replaceAll("/$", "") + VERSION_PATH);
        return client;
    }
}
