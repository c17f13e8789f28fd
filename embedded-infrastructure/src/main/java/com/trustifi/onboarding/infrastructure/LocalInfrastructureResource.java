package com.trustifi.onboarding.infrastructure;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} real Kafka and PostgreSQL: the external ones named in the environment, or else
 * embedded ones without Docker, or containers where the {@code infrastructure} setting asks for them (see
 * {@link InfrastructureSettings} and {@link InfrastructurePlan}).
 *
 * <p>Init arguments {@value #KAFKA} and {@value #POSTGRES} ({@code "true"} by default) leave out what an
 * application does not use, e.g. {@code @ResourceArg(name = "postgres", value = "false")} for the worker.
 *
 * <p>Test classes share one broker and one database, started on first use and stopped by a JVM shutdown
 * hook rather than in {@link #stop()}. Quarkus stops and restarts its test resources whenever consecutive
 * test classes differ in profile or resources; stopping then would cost a broker start per switch. The
 * sharing holds per class loader that loads this class: should Quarkus load it afresh for another test
 * profile, that profile gets its own pair, also stopped at JVM exit. Tests must not expect topics or
 * tables to be empty at the start of a class.
 */
public class LocalInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";

    private static final RunningInfrastructure SHARED = startSharedOnFirstUse();

    private boolean kafka = true;
    private boolean postgres = true;

    @Override
    public void init(Map<String, String> initArgs) {
        kafka = Boolean.parseBoolean(initArgs.getOrDefault(KAFKA, "true"));
        postgres = Boolean.parseBoolean(initArgs.getOrDefault(POSTGRES, "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        // Dev Services would start containers of their own; the servers here are chosen by InfrastructurePlan.
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        if (kafka) {
            config.put("kafka.bootstrap.servers", SHARED.kafkaBootstrapServers());
        }
        if (postgres) {
            DatabaseEndpoint database = SHARED.database();
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; see the class comment.
    }

    private static RunningInfrastructure startSharedOnFirstUse() {
        RunningInfrastructure shared = new RunningInfrastructure(InfrastructureSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-infrastructure-stop"));
        return shared;
    }
}
