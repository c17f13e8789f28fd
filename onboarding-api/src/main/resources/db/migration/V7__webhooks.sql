-- a partner's webhook: where its events go, and the secret they are signed with, encrypted like
-- relay secrets (HMAC needs the secret itself, so it cannot be hashed)
create table webhook (
    partner_id         uuid primary key references partner (id),
    url                varchar(2000) not null,
    events             varchar(16)   not null,
    secret_key_id      varchar(64)   not null,
    secret_ciphertext  text          not null,
    updated_at         timestamptz   not null
);

-- events waiting to be delivered, written in the transaction that changed the onboarding;
-- next_attempt_at is null once the event is delivered or given up on
create table webhook_delivery (
    id               bigserial primary key,
    partner_id       uuid         not null references partner (id),
    payload          text         not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_error       varchar(500),
    created_at       timestamptz  not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where next_attempt_at is not null;
