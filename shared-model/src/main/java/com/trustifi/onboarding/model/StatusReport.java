package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * One record on the status topic: status events of one run of a command, in the order they happened. The worker
 * folds the steps a plan finishes close together into one report, so that a plan's dozen steps travel as about three
 * records rather than one each (every record costs a send, a trace span and an acknowledgement in the worker, and a
 * read in the API). Each event keeps its own id and sequence, and the API applies them as if they had come alone.
 * A record that holds a bare {@link StatusEvent}, as workers wrote before reports, is read as a report of that event.
 */
public record StatusReport(int schemaVersion, List<StatusEvent> events) {

    public static final int SCHEMA_VERSION = 1;

    public StatusReport {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("A status report holds at least one event");
        }
        events = List.copyOf(events);
    }

    public static StatusReport of(List<StatusEvent> events) {
        return new StatusReport(SCHEMA_VERSION, events);
    }

    /** The tenant the events are about, the record's key: one run of a command is about one tenant. */
    @JsonIgnore
    public String tenantId() {
        return events.get(0).tenantId();
    }
}
