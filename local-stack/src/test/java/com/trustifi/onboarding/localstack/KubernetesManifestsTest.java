package com.trustifi.onboarding.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in k8s/ checked offline, as no cluster is reachable from CI: they parse, the deployments are hardened
 * and sized, their probes and services point at the ports the containers open, every secret they use is documented,
 * every topic the services use is declared (the cluster does not create topics), and the network policies let only
 * the two services reach Kafka and only the API reach PostgreSQL.
 */
class KubernetesManifestsTest {

    // a key given twice is an error to Docker Compose and kubectl; Jackson would silently keep the last one
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Path ROOT = ProjectLayout.find().root();
    private static final List<String> SERVICES = List.of("onboarding-api", "tenant-worker");
    private static List<JsonNode> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream().filter(doc -> !doc.isEmpty()).forEach(documents::add);
                }
            }
        }
    }

    @Test
    void everyManifestNamesItsApiKindAndName() {
        assertThat(documents).hasSizeGreaterThan(10).allSatisfy(doc -> {
            assertThat(doc.path("apiVersion").asText()).isNotBlank();
            assertThat(doc.path("kind").asText()).isNotBlank();
            assertThat(doc.path("metadata").path("name").asText()).isNotBlank();
        });
    }

    @Test
    void deploymentsRunAsNonRootOnAReadOnlyFilesystemWithProbesAndMemoryOnTheirPorts() {
        for (String service : SERVICES) {
            JsonNode pod = one("Deployment", service).path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            Set<String> volumes = names(pod.path("volumes"));
            JsonNode container = pod.path("containers").get(0);
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(container.path("volumeMounts")).as(service).anySatisfy(mount ->
                    assertThat(mount.path("mountPath").asText()).isEqualTo("/tmp"));
            container.path("volumeMounts").forEach(mount -> assertThat(volumes).as(service).contains(mount.path("name").asText()));
            assertThat(container.path("resources").path("requests").path("memory").asText()).as(service).isNotBlank();
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(service).isNotBlank();
            int port = container.path("ports").get(0).path("containerPort").asInt();
            assertThat(container.path("readinessProbe").path("httpGet").path("port").asInt()).as(service).isEqualTo(port);
            assertThat(container.path("livenessProbe").path("httpGet").path("port").asInt()).as(service).isEqualTo(port);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        }
        JsonNode apiContainer = one("Deployment", "onboarding-api").path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(one("Service", "onboarding-api").path("spec").path("ports").get(0).path("targetPort").asInt())
                .isEqualTo(apiContainer.path("ports").get(0).path("containerPort").asInt());
    }

    @Test
    void everySecretTheDeploymentsUseIsDocumented() throws IOException {
        String readme = Files.readString(ROOT.resolve("k8s/README.md"), StandardCharsets.UTF_8);
        Set<String> secrets = new HashSet<>();
        documents.stream().filter(doc -> doc.path("kind").asText().equals("Deployment")).forEach(deployment -> {
            deployment.findValues("secretKeyRef").forEach(ref -> secrets.add(ref.path("name").asText()));
            deployment.findValues("secretName").forEach(name -> secrets.add(name.asText()));
        });
        assertThat(secrets).containsExactlyInAnyOrder("onboarding-db", "onboarding-api-secrets", "tenant-worker-secrets");
        secrets.forEach(secret -> assertThat(readme).as("k8s/README.md explains %s", secret).contains("`" + secret + "`"));
    }

    @Test
    void everyTopicTheServicesUseIsDeclaredBecauseTheClusterCreatesNone() throws IOException {
        JsonNode kafka = one("Kafka", "onboarding");
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        Set<String> declared = new HashSet<>();
        documents.stream().filter(doc -> doc.path("kind").asText().equals("KafkaTopic")).forEach(topic ->
                declared.add(topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText())));
        Set<String> used = new HashSet<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            properties.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".topics")))
                    .forEach(key -> List.of(properties.getProperty(key).split(",")).forEach(topic -> used.add(topic.trim())));
        }
        assertThat(used).contains("provisioning-commands", "provisioning-status", "tenant-generations");
        assertThat(declared).containsAll(used);
    }

    @Test
    void onlyTheServicesReachKafkaAndOnlyTheApiReachesPostgresql() {
        JsonNode listener = one("Kafka", "onboarding").path("spec").path("kafka").path("listeners").get(0);
        Set<String> peers = new HashSet<>();
        listener.path("networkPolicyPeers").forEach(peer -> peers.add(peer.path("podSelector").path("matchLabels").path("app").asText()));
        assertThat(peers).containsExactlyInAnyOrderElementsOf(SERVICES);

        assertThat(egressPorts("tenant-worker")).contains(9092, 443, 53).doesNotContain(5432);
        assertThat(egressPorts("onboarding-api")).contains(9092, 5432, 53);
        for (String service : SERVICES) {
            assertThat(documents).as("a disruption budget for %s", service).anySatisfy(doc -> {
                assertThat(doc.path("kind").asText()).isEqualTo("PodDisruptionBudget");
                assertThat(doc.path("spec").path("selector").path("matchLabels").path("app").asText()).isEqualTo(service);
            });
        }
    }

    private static Set<Integer> egressPorts(String service) {
        JsonNode policy = one("NetworkPolicy", service);
        assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app").asText()).isEqualTo(service);
        assertThat(policy.path("spec").path("policyTypes").toString()).contains("Egress");
        Set<Integer> ports = new HashSet<>();
        policy.path("spec").path("egress").forEach(rule -> rule.path("ports").forEach(port -> ports.add(port.path("port").asInt())));
        return ports;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new HashSet<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static JsonNode one(String kind, String name) {
        List<JsonNode> found = documents.stream()
                .filter(doc -> doc.path("kind").asText().equals(kind) && doc.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }
}
