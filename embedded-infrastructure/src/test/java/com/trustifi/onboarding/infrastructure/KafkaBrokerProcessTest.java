package com.trustifi.onboarding.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void deliversRecordToConsumerGroupAndStopsTheProcessOnClose() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dataDir);
        long pid = broker.pid();
        try {
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

            ConsumerRecord<String, String> record =
                    KafkaRoundTrip.sendAndReceive(broker.bootstrapServers(), "tenant-2", "onboarded");

            assertThat(record.value()).isEqualTo("onboarded");
        } finally {
            broker.close();
        }
        broker.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir.resolve(KafkaBrokerProcess.LOG_FILE)).isNotEmptyFile();
    }
}
