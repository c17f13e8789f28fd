-- the W3C traceparent of the request that stored the record, so that its trace continues through
-- Kafka to the worker although the record is published later, by another thread
alter table outbox_message add column trace_parent varchar(55);
