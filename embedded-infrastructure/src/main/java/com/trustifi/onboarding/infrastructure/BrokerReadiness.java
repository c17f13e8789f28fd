package com.trustifi.onboarding.infrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * Waits until a broker answers a metadata request. An open port is not enough: a KRaft broker accepts
 * connections before it has caught up with the controller and can serve clients.
 */
final class BrokerReadiness {

    private static final Logger LOG = Logger.getLogger(BrokerReadiness.class);

    private BrokerReadiness() {
    }

    /** Waits for a broker just started; one that does not become ready is closed. */
    static <B extends KafkaBroker> B awaitStarted(B broker, Duration timeout, long startedNanos) {
        try {
            await(broker.bootstrapServers(), timeout);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.infof("%s ready after %d ms", broker, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        return broker;
    }

    static void await(String bootstrapServers, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not become ready within " + timeout, e);
        }
    }
}
