package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.trustifi.onboarding.simulator.SimulatorOptions;
import com.trustifi.onboarding.simulator.tls.TrustMaterial;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml checked offline, as no Docker engine is at hand here: every service of a profile depends only on
 * services that start in that profile, every volume, secret and Dockerfile it names exists, and in the demo profile the
 * services reach the simulator by its name and port, trust the certificate it writes, and read the keys demo-keys writes.
 */
class DockerComposeTest {

    // a key given twice is an error to Docker Compose and kubectl; Jackson would silently keep the last one
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Path ROOT = ProjectLayout.find().root();
    private static final String SIMULATOR = "https://exchange-simulator:8443";
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void eachProfileStartsItsOwnPairOfServicesOnTheSharedKafkaAndPostgresql() {
        assertThat(servicesOf("demo")).containsExactlyInAnyOrder("postgres", "kafka", "exchange-simulator", "demo-keys",
                "onboarding-api-demo", "tenant-worker-demo");
        assertThat(servicesOf("m365")).containsExactlyInAnyOrder("postgres", "kafka", "onboarding-api", "tenant-worker");
        for (String profile : List.of("demo", "m365")) {
            for (String service : servicesOf(profile)) {
                dependencies(service).forEach(dependency ->
                        assertThat(servicesOf(profile)).as("%s depends on %s in profile %s", service, dependency, profile)
                                .contains(dependency));
            }
        }
    }

    @Test
    void everyVolumeSecretAndDockerfileNamedExists() {
        Set<String> volumes = names(compose.path("volumes"));
        Set<String> secrets = names(compose.path("secrets"));
        for (String service : names(compose.path("services"))) {
            JsonNode definition = service(service);
            definition.path("volumes").forEach(mount ->
                    assertThat(volumes).as("volume of %s", service).contains(mount.asText().split(":")[0]));
            definition.path("secrets").forEach(secret -> assertThat(secrets).as("secret of %s", service).contains(secret.asText()));
            JsonNode build = definition.path("build");
            if (!build.isMissingNode()) {
                assertThat(ROOT.resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText()))
                        .as("Dockerfile of %s", service).isRegularFile();
            }
        }
    }

    @Test
    void theDemoWorkerCallsTheSimulatorByItsNameAndTrustsTheCertificateItWrites() {
        JsonNode simulator = service("exchange-simulator");
        List<String> command = texts(simulator.path("command"));
        assertThat(argument(command, "--public-host")).isEqualTo(URI.create(SIMULATOR).getHost());
        assertThat(argument(command, "--port")).isEqualTo(String.valueOf(URI.create(SIMULATOR).getPort()));
        String trustDirectory = argument(command, "--state-dir");
        String trustVolume = volumeAt(simulator, trustDirectory);

        JsonNode worker = service("tenant-worker-demo");
        JsonNode environment = worker.path("environment");
        for (String url : List.of("WORKER_IDENTITY_AUTHORITY_HOST", "WORKER_GRAPH_BASE_URL", "WORKER_EXCHANGE_BASE_URL")) {
            assertThat(environment.path(url).asText()).as(url).isEqualTo(SIMULATOR);
        }
        assertThat(environment.path("WORKER_IDENTITY_CLIENT_ID").asText()).isEqualTo(SimulatorOptions.DEFAULT_CLIENT_ID);
        String jvm = environment.path("JAVA_OPTS_APPEND").asText();
        String workerTrust = volumeAt(worker, trustVolume, true);
        assertThat(jvm).contains("-Djavax.net.ssl.trustStore=" + workerTrust + "/exchange-simulator-truststore.p12",
                "-Djavax.net.ssl.trustStoreType=PKCS12", "-Djavax.net.ssl.trustStorePassword=" + TrustMaterial.TRUSTSTORE_PASSWORD,
                "-Dquarkus.http.host=0.0.0.0");
        assertThat(List.of(jvm.split("\\s+"))).as("the image's JVM settings, which this variable replaces")
                .containsAll(ServiceProcess.JVM_OPTIONS).containsAll(ServiceProcess.WORKER_MEMORY);
        assertThat(texts(worker.path("depends_on").path("exchange-simulator").path("condition"))).containsExactly("service_healthy");
        assertThat(simulator.path("healthcheck").path("test").toString()).contains(URI.create(SIMULATOR).getPort() + "");
    }

    @Test
    void theDemoApiSendsBrowsersToTheSimulatorsPublishedPortAndBackToItsOwn() {
        JsonNode api = service("onboarding-api-demo");
        JsonNode environment = api.path("environment");
        assertThat(environment.path("ONBOARDING_TENANT_CONNECTIONS_CLIENT_ID").asText()).isEqualTo(SimulatorOptions.DEFAULT_CLIENT_ID);
        URI browserAuthority = URI.create(environment.path("ONBOARDING_TENANT_CONNECTIONS_BROWSER_AUTHORITY_HOST").asText());
        assertThat(browserAuthority.getScheme()).isEqualTo("https");
        assertThat(browserAuthority.getHost()).as("a name in the simulator's certificate").isEqualTo("localhost");
        assertThat(texts(service("exchange-simulator").path("ports"))).contains("127.0.0.1:" + browserAuthority.getPort() + ":"
                + URI.create(SIMULATOR).getPort());
        // the API itself redeems the sign-in's code and reads the signing keys at the simulator's service name, trusting
        // the certificate the simulator wrote to the shared volume at its start
        assertThat(environment.path("ONBOARDING_TENANT_CONNECTIONS_AUTHORITY_HOST").asText()).isEqualTo(SIMULATOR);
        String apiTrust = volumeAt(api, volumeAt(service("exchange-simulator"), "/simulator-trust"), true);
        assertThat(environment.path("ONBOARDING_TENANT_CONNECTIONS_TRUST_STORE").asText())
                .isEqualTo(apiTrust + "/exchange-simulator-truststore.p12");
        assertThat(api.path("depends_on").has("exchange-simulator")).isTrue();
        URI redirect = URI.create(environment.path("ONBOARDING_TENANT_CONNECTIONS_REDIRECT_URI").asText());
        assertThat(redirect.getPath()).isEqualTo("/v1/tenant-connections/callback");
        assertThat(texts(api.path("ports"))).contains("127.0.0.1:" + redirect.getPort() + ":8080");
    }

    @Test
    void theDemoServicesReadTheKeysDemoKeysWritesAndNothingPrintsThem() {
        JsonNode keys = service("demo-keys");
        String script = String.join("\n", texts(keys.path("command")));
        String keysVolume = volumeAt(keys, "/demo-keys");
        assertThat(script).doesNotContain("echo").contains("umask 077", "chown 185");
        assertThat(script).contains("onboarding.operator.api-key=", "onboarding.relay-secrets.current-key-id=demo",
                "onboarding.relay-secrets.keys.demo=", "onboarding.tenant-connections.state-key=",
                "onboarding.tenant-connections.client-secret=" + SimulatorOptions.DEFAULT_CLIENT_SECRET,
                "worker.identity.client-secret=" + SimulatorOptions.DEFAULT_CLIENT_SECRET,
                "worker.relay-secrets.current-key-id=demo", "worker.relay-secrets.keys.demo=");
        for (String service : List.of("onboarding-api-demo", "tenant-worker-demo")) {
            JsonNode definition = service(service);
            String location = definition.path("environment").path("QUARKUS_CONFIG_LOCATIONS").asText();
            String mounted = volumeAt(definition, keysVolume, true);
            assertThat(location).as(service).startsWith(mounted + "/");
            assertThat(script).as("demo-keys writes %s", location).contains(Path.of(location).getFileName().toString());
            assertThat(texts(definition.path("depends_on").path("demo-keys").path("condition")))
                    .containsExactly("service_completed_successfully");
        }
    }

    /** Services without a profile start in every profile. */
    private static Set<String> servicesOf(String profile) {
        Set<String> services = new TreeSet<>();
        for (String name : names(compose.path("services"))) {
            JsonNode profiles = service(name).path("profiles");
            if (profiles.isMissingNode() || texts(profiles).contains(profile)) {
                services.add(name);
            }
        }
        return services;
    }

    private static Set<String> dependencies(String service) {
        JsonNode dependsOn = service(service).path("depends_on");
        return dependsOn.isArray() ? new TreeSet<>(texts(dependsOn)) : names(dependsOn);
    }

    /** The volume mounted at this path of the service. */
    private static String volumeAt(JsonNode service, String path) {
        for (String mount : texts(service.path("volumes"))) {
            String[] parts = mount.split(":");
            if (parts[1].equals(path)) {
                return parts[0];
            }
        }
        throw new AssertionError("nothing is mounted at " + path);
    }

    /** Where this volume is mounted in the service, which must be read-only when {@code readOnly}. */
    private static String volumeAt(JsonNode service, String volume, boolean readOnly) {
        for (String mount : texts(service.path("volumes"))) {
            String[] parts = mount.split(":");
            if (parts[0].equals(volume)) {
                assertThat(parts.length == 3 && parts[2].equals("ro")).as("%s mounted read-only", volume).isEqualTo(readOnly);
                return parts[1];
            }
        }
        throw new AssertionError(volume + " is not mounted");
    }

    private static String argument(List<String> command, String option) {
        int at = command.indexOf(option);
        assertThat(at).as("%s in %s", option, command).isNotNegative().isLessThan(command.size() - 1);
        return command.get(at + 1);
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isMissingNode()).as("service %s", name).isFalse();
        return service;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
