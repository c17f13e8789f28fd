package com.trustifi.onboarding.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a public host (a container's name, in docker-compose.yml's demo profile) the simulator names itself by it and
 * its certificate holds it; it listens on every interface, loopback included.
 */
class PublicHostTest {

    @Test
    void itsUrlsAndCertificateCarryThePublicHostAndLoopbackStillAnswers(@TempDir Path stateDirectory) throws Exception {
        try (ExchangeOnlineSimulator simulator = ExchangeOnlineSimulator.start(
                SimulatorOptions.defaults(stateDirectory).withPublicHost("exchange-simulator"))) {
            assertThat(simulator.baseUri().getHost()).isEqualTo("exchange-simulator");

            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(simulator.trustStore())) {
                trustStore.load(in, simulator.trustStorePassword().toCharArray());
            }
            var certificate = (X509Certificate) trustStore.getCertificate(trustStore.aliases().nextElement());
            assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                    .containsExactlyInAnyOrder("localhost", "127.0.0.1", "exchange-simulator");

            // "exchange-simulator" does not resolve here; localhost, which the certificate also names, reaches the same port
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            String tenant = simulator.createTenant(TestTenants.withCustomDomain("Contoso")).tenantId();
            URI metadata = URI.create("https://localhost:" + simulator.baseUri().getPort() + "/" + tenant
                    + "/v2.0/.well-known/openid-configuration");
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(tls).build()
                    .send(HttpRequest.newBuilder(metadata).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(SimulatorClient.JSON.readTree(answer.body()).path("token_endpoint").asText())
                    .startsWith(simulator.baseUri().toString());
        }
    }
}
