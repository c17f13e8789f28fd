package com.trustifi.onboarding.model;

import java.io.IOException;
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
            return WireJson.mapper().readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic, e);
        }
    }

    public static final class Commands extends WireDeserializer<ProvisioningCommand> {
        public Commands() {
            super(ProvisioningCommand.class);
        }
    }

    public static final class StatusEvents extends WireDeserializer<StatusEvent> {
        public StatusEvents() {
            super(StatusEvent.class);
        }
    }

    public static final class TenantGenerations extends WireDeserializer<TenantGeneration> {
        public TenantGenerations() {
            super(TenantGeneration.class);
        }
    }
}
