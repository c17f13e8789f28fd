package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Which servers each setting chooses, decided without Docker: the engine is a stand-in that counts its use. */
class InfrastructurePlanTest {

    private static final DatabaseEndpoint EXTERNAL_DATABASE =
            new DatabaseEndpoint("jdbc:postgresql://db:5432/onboarding", "app", "secret");

    private final CountingEngine dockerPresent = new CountingEngine(true);
    private final CountingEngine noDocker = new CountingEngine(false);

    @Test
    void embeddedByDefaultWithoutLookingForDocker() {
        InfrastructurePlan plan = InfrastructurePlan.of(settings(InfrastructureMode.EMBEDDED), dockerPresent);

        assertThat(plan).isEqualTo(new InfrastructurePlan(ServerSource.EMBEDDED, ServerSource.EMBEDDED));
        assertThat(dockerPresent.asked).hasValue(0);
    }

    @Test
    void containersWhenAskedForAndDockerIsThere() {
        assertThat(InfrastructurePlan.of(settings(InfrastructureMode.CONTAINERS), dockerPresent))
                .isEqualTo(new InfrastructurePlan(ServerSource.CONTAINER, ServerSource.CONTAINER));
    }

    @Test
    void containersWithoutDockerFailsSayingWhatToDo() {
        assertThatThrownBy(() -> InfrastructurePlan.of(settings(InfrastructureMode.CONTAINERS), noDocker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infrastructure=containers needs a Docker engine")
                .hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("-Dinfrastructure=embedded")
                .hasMessageContaining("-Dinfrastructure=auto");
    }

    @Test
    void autoFollowsWhetherDockerIsThere() {
        assertThat(InfrastructurePlan.of(settings(InfrastructureMode.AUTO), dockerPresent))
                .isEqualTo(new InfrastructurePlan(ServerSource.CONTAINER, ServerSource.CONTAINER));
        assertThat(InfrastructurePlan.of(settings(InfrastructureMode.AUTO), noDocker))
                .isEqualTo(new InfrastructurePlan(ServerSource.EMBEDDED, ServerSource.EMBEDDED));
    }

    @Test
    void externalServersWinOverEveryModeAndNeedNoDocker() {
        for (InfrastructureMode mode : InfrastructureMode.values()) {
            InfrastructureSettings both = new InfrastructureSettings(Optional.of("kafka:9092"), Optional.of(EXTERNAL_DATABASE), mode);

            assertThat(InfrastructurePlan.of(both, noDocker))
                    .isEqualTo(new InfrastructurePlan(ServerSource.EXTERNAL, ServerSource.EXTERNAL));
        }
        assertThat(noDocker.asked).hasValue(0);
    }

    @Test
    void onlyWhatIsNotExternalIsStartedAsTheModeSays() {
        InfrastructureSettings externalKafka = new InfrastructureSettings(Optional.of("kafka:9092"), Optional.empty(),
                InfrastructureMode.CONTAINERS);
        InfrastructureSettings externalDatabase = new InfrastructureSettings(Optional.empty(), Optional.of(EXTERNAL_DATABASE),
                InfrastructureMode.AUTO);

        assertThat(InfrastructurePlan.of(externalKafka, dockerPresent))
                .isEqualTo(new InfrastructurePlan(ServerSource.EXTERNAL, ServerSource.CONTAINER));
        assertThat(InfrastructurePlan.of(externalDatabase, noDocker))
                .isEqualTo(new InfrastructurePlan(ServerSource.EMBEDDED, ServerSource.EXTERNAL));
    }

    @Test
    void runningInfrastructureDecidesOnFirstUseAndOnce() {
        try (RunningInfrastructure infrastructure = new RunningInfrastructure(new InfrastructureSettings(
                Optional.of("kafka:9092"), Optional.of(EXTERNAL_DATABASE), InfrastructureMode.CONTAINERS), noDocker)) {

            assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("kafka:9092");
            assertThat(infrastructure.database()).isEqualTo(EXTERNAL_DATABASE);
            assertThat(infrastructure.plan()).isEqualTo(new InfrastructurePlan(ServerSource.EXTERNAL, ServerSource.EXTERNAL));
        }
    }

    @Test
    void runningInfrastructureFailsOnFirstUseWhenContainersHaveNoDocker() {
        try (RunningInfrastructure infrastructure = new RunningInfrastructure(settings(InfrastructureMode.CONTAINERS), noDocker)) {

            assertThatThrownBy(infrastructure::kafkaBootstrapServers)
                    .hasMessageContaining("infrastructure=containers needs a Docker engine");
        }
    }

    /** The real probe, here where no Docker engine exists; where one does, there is nothing to show. */
    @Test
    void testcontainersFindingNoDockerFailsContainersClearly() {
        DockerEngine docker = new DockerEngine();
        assumeThat(docker.isAvailable()).as("a Docker engine is reachable").isFalse();

        assertThatThrownBy(() -> InfrastructurePlan.of(settings(InfrastructureMode.CONTAINERS), docker))
                .hasMessageContaining("infrastructure=containers needs a Docker engine");
        assertThat(InfrastructurePlan.of(settings(InfrastructureMode.AUTO), docker))
                .isEqualTo(new InfrastructurePlan(ServerSource.EMBEDDED, ServerSource.EMBEDDED));
    }

    private static InfrastructureSettings settings(InfrastructureMode mode) {
        return new InfrastructureSettings(Optional.empty(), Optional.empty(), mode);
    }

    private static final class CountingEngine implements ContainerEngine {

        private final boolean available;
        private final AtomicInteger asked = new AtomicInteger();

        private CountingEngine(boolean available) {
            this.available = available;
        }

        @Override
        public boolean isAvailable() {
            asked.incrementAndGet();
            return available;
        }
    }
}
