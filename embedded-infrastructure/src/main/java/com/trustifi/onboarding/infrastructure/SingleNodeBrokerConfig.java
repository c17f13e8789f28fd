package com.trustifi.onboarding.infrastructure;

import java.util.Map;

/**
 * Broker settings that make a one-node cluster behave like a real one for clients. The internal topics
 * default to replication factor 3, which a single node cannot satisfy: without these, consumer groups and
 * transactions never get a coordinator.
 */
final class SingleNodeBrokerConfig {

    static final int PARTITIONS_PER_TOPIC = 4;

    private SingleNodeBrokerConfig() {
    }

    static Map<String, String> settings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                // The default 3 s delay makes every first consumer in a test wait before it gets partitions.
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS_PER_TOPIC));
    }
}
