create table onboarding (
    id             uuid primary key,
    tenant_id      varchar(255) not null,
    relay_domains  text[]       not null,
    status         varchar(32)  not null,
    detail         text,
    remediation    text,
    -- highest status-event sequence applied to the onboarding as a whole
    last_sequence  bigint       not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index onboarding_tenant on onboarding (tenant_id);
-- one onboarding in flight per tenant, also under concurrent requests
create unique index onboarding_one_active_per_tenant on onboarding (tenant_id)
    where status in ('ACCEPTED', 'RUNNING');

create table onboarding_step (
    id             uuid primary key,
    onboarding_id  uuid        not null references onboarding (id),
    step           varchar(64) not null,
    outcome        varchar(32) not null,
    detail         text,
    remediation    text,
    sequence       bigint      not null,
    updated_at     timestamptz not null,
    constraint onboarding_step_once unique (onboarding_id, step)
);

-- commands written in the same transaction as the onboarding, published to Kafka afterwards
create table outbox_message (
    id            bigserial primary key,
    message_key   varchar(255) not null,
    payload       text         not null,
    created_at    timestamptz  not null,
    published_at  timestamptz
);
create index outbox_message_pending on outbox_message (id) where published_at is null;

-- status events already applied, so that a redelivered event changes nothing
create table processed_event (
    event_id       uuid primary key,
    onboarding_id  uuid        not null,
    processed_at   timestamptz not null
);
