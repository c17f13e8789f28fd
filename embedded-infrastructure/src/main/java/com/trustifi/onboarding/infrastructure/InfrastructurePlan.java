package com.trustifi.onboarding.infrastructure;

/**
 * Where Kafka and PostgreSQL come from in one run. A server named in the environment is used as it is; the others
 * are started as the {@link InfrastructureMode} says. The container engine is asked only when something must be
 * started and the mode is not {@link InfrastructureMode#EMBEDDED}, so the default never looks for Docker.
 */
public record InfrastructurePlan(ServerSource kafka, ServerSource database) {

    /** Decides with Docker as Testcontainers finds it. */
    public static InfrastructurePlan of(InfrastructureSettings settings) {
        return of(settings, new DockerEngine());
    }

    static InfrastructurePlan of(InfrastructureSettings settings, ContainerEngine engine) {
        boolean kafkaExternal = settings.kafkaBootstrapServers().isPresent();
        boolean databaseExternal = settings.database().isPresent();
        if (kafkaExternal && databaseExternal) {
            return new InfrastructurePlan(ServerSource.EXTERNAL, ServerSource.EXTERNAL);
        }
        ServerSource started = startedBy(settings.mode(), engine);
        return new InfrastructurePlan(kafkaExternal ? ServerSource.EXTERNAL : started,
                databaseExternal ? ServerSource.EXTERNAL : started);
    }

    private static ServerSource startedBy(InfrastructureMode mode, ContainerEngine engine) {
        return switch (mode) {
            case EMBEDDED -> ServerSource.EMBEDDED;
            case AUTO -> engine.isAvailable() ? ServerSource.CONTAINER : ServerSource.EMBEDDED;
            case CONTAINERS -> {
                if (!engine.isAvailable()) {
                    throw new IllegalStateException("infrastructure=containers needs a Docker engine, and Testcontainers"
                            + " found none. Start Docker (or set DOCKER_HOST to one), or choose -Dinfrastructure=embedded"
                            + " (the default, no Docker needed) or -Dinfrastructure=auto (containers only where Docker is).");
                }
                yield ServerSource.CONTAINER;
            }
        };
    }
}
