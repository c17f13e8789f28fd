-- a partner's Idempotency-Key and the response it got; IN_FLIGHT while the first request with
-- it runs, so that a concurrent duplicate is told so instead of acting a second time
create table idempotency_record (
    partner_id        uuid         not null references partner (id),
    idempotency_key   varchar(255) not null,
    request_hash      varchar(64)  not null,
    state             varchar(16)  not null,
    response_status   integer,
    response_body     text,
    response_headers  text,
    created_at        timestamptz  not null,
    primary key (partner_id, idempotency_key)
);
