package com.trustifi.onboarding.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for one wire contract; subclasses name the type for Kafka's config. */
public abstract class WireDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected WireDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return read(data);
        } catch (IOException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic, e);
        }
    }

    protected T read(byte[] data) throws IOException {
        return WireJson.mapper().readValue(data, type);
    }

    public static final class Commands extends WireDeserializer<ProvisioningCommand> {
        public Commands() {
            super(ProvisioningCommand.class);
        }
    }

    /** Reads a {@link StatusReport}, or a bare {@link StatusEvent} as a report of one (as workers wrote before reports). */
    public static final class StatusReports extends WireDeserializer<StatusReport> {
        public StatusReports() {
            super(StatusReport.class);
        }

        @Override
        protected StatusReport read(byte[] data) throws IOException {
            JsonNode tree = WireJson.mapper().readTree(data);
            if (tree == null || !tree.isObject()) {
                throw new IOException("Not a JSON object");
            }
            if (tree.has("events")) {
                return WireJson.mapper().treeToValue(tree, StatusReport.class);
            }
            return StatusReport.of(List.of(WireJson.mapper().treeToValue(tree, StatusEvent.class)));
        }
    }

    public static final class TenantGenerations extends WireDeserializer<TenantGeneration> {
        public TenantGenerations() {
            super(TenantGeneration.class);
        }
    }
}
