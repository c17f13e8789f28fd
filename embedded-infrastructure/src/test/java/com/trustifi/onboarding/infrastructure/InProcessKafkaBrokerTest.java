package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaBrokerTest {

    @TempDir
    Path parentDir;

    @Test
    void deliversRecordToConsumerGroupAndDeletesItsDataOnClose() throws Exception {
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(parentDir);
        try {
            ConsumerRecord<String, String> record =
                    KafkaRoundTrip.sendAndReceive(broker.bootstrapServers(), "tenant-1", "connected");

            assertThat(record.key()).isEqualTo("tenant-1");
            assertThat(record.value()).isEqualTo("connected");
            assertThat(parentDir).isNotEmptyDirectory();
        } finally {
            broker.close();
        }
        broker.close();

        assertThat(parentDir).isEmptyDirectory();
    }
}
