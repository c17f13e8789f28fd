package com.trustifi.onboarding.worker.fencing;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.TenantGeneration;
import com.trustifi.onboarding.model.WireJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The worker's view of each tenant's generation: the highest it has seen on a command, or on the
 * compacted {@code tenant-generations} topic, which the API writes when it cancels. Every worker
 * instance reads that whole topic (no consumer group: each needs every tenant), from the start, so
 * a worker that restarts knows about cancels made long before. A command whose tenant has moved
 * past its generation is stale and must not touch Exchange.
 */
@Singleton
public class TenantGenerations {

    private static final Logger LOG = Logger.getLogger(TenantGenerations.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often partitions are looked for again, in case the topic appeared or grew. */
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(2);

    private final Map<String, Long> current = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile boolean gaveUpWaiting;

    TenantGenerations(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent started) {
        Thread reader = new Thread(this::read, "tenant-generations");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        KafkaConsumer<String, String> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
    }

    /** Notes the generation a command was issued in: a newer command supersedes the older ones. */
    public void observe(ProvisioningCommand command) {
        if (command.generation() > 0) {
            current.merge(command.tenantId(), command.generation(), Math::max);
        }
    }

    /** Whether the command was canceled or replaced since it was issued. Commands from before generations never are. */
    public boolean supersedes(ProvisioningCommand command) {
        return command.generation() > 0 && current.getOrDefault(command.tenantId(), 0L) > command.generation();
    }

    /**
     * Waits, at most {@code patience}, until every generation published before the worker started is
     * known. Waits once: when the topic cannot be read, commands go on unfenced by cancels (a newer
     * command still fences them) rather than each waiting in turn.
     */
    public boolean awaitCaughtUp(Duration patience) throws InterruptedException {
        if (caughtUp.getCount() == 0 || gaveUpWaiting) {
            return caughtUp.getCount() == 0;
        }
        boolean known = caughtUp.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (!known && !gaveUpWaiting) {
            gaveUpWaiting = true;
            LOG.warnf("Tenant generations were not read within %s: cancels made before this worker started may go unseen", patience);
        }
        return known;
    }

    private void read() {
        boolean createdEmpty = createTopicIfAbsent();
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "tenant-worker-generations");
        try (var reading = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer = reading;
            Map<TopicPartition, Long> startingEnds = Map.of();
            long nextRefresh = 0;
            while (running) {
                try {
                    if (System.nanoTime() >= nextRefresh) {
                        Set<TopicPartition> added = assignNew(reading);
                        if (!added.isEmpty() && caughtUp.getCount() > 0) {
                            startingEnds = reading.endOffsets(reading.assignment());
                        }
                        nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
                    }
                    if (reading.assignment().isEmpty()) {
                        if (createdEmpty) {
                            // this worker made the topic just now: no generation was ever published
                            markCaughtUp();
                        }
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    reading.poll(POLL).forEach(this::apply);
                    if (reachedAll(reading, startingEnds)) {
                        markCaughtUp();
                    }
                } catch (WakeupException stopping) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // the broker away, say: keep what is known and go on once it is back
                    LOG.warnf("Reading tenant generations failed (%s); trying again", e.getMessage());
                    nextRefresh = 0;
                    sleepQuietly(PARTITION_REFRESH);
                }
            }
        }
    }

    private void markCaughtUp() {
        if (caughtUp.getCount() > 0) {
            LOG.infof("Tenant generations read: %d tenants", current.size());
            caughtUp.countDown();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates the topic, compacted, if it does not exist yet, so that its partitions are known from
     * the start. Where topics are declared (k8s/) this finds it there; a refusal only means it is
     * read once it exists.
     *
     * @return whether this call created it, so that it holds nothing yet
     */
    private boolean createTopicIfAbsent() {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(TenantGeneration.TOPIC, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("Could not create %s: %s", TenantGeneration.TOPIC, e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            LOG.warnf("Could not create %s in time", TenantGeneration.TOPIC);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private Set<TopicPartition> assignNew(KafkaConsumer<String, String> reading) {
        List<PartitionInfo> partitions = reading.partitionsFor(TenantGeneration.TOPIC, Duration.ofSeconds(10));
        Set<TopicPartition> all = new HashSet<>();
        (partitions == null ? List.<PartitionInfo>of() : partitions)
                .forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(reading.assignment());
        if (!added.isEmpty()) {
            reading.assign(all);
            reading.seekToBeginning(added);
        }
        return added;
    }

    /** Caught up once every partition is read to where it ended at the start; a topic that does not exist yet holds nothing. */
    private static boolean reachedAll(KafkaConsumer<String, String> reading, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reading.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            TenantGeneration generation = WireJson.mapper().readValue(record.value(), TenantGeneration.class);
            current.merge(generation.tenantId(), generation.generation(), Math::max);
        } catch (Exception e) {
            LOG.warnf("Skipped an unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }
}
