-- partner portals: each sees only what it created
create table partner (
    id          uuid primary key,
    name        varchar(200) not null unique,
    created_at  timestamptz  not null
);

-- API keys are stored as SHA-256 hashes: they are long random strings, so a hash without salt
-- cannot be reversed, and a key is looked up by its hash
create table partner_api_key (
    id          uuid primary key,
    partner_id  uuid        not null references partner (id),
    key_hash    varchar(64) not null unique,
    created_at  timestamptz not null
);

-- onboardings from before partners existed keep a null partner and are visible to nobody
alter table onboarding add column partner_id uuid references partner (id);
create index onboarding_partner_created on onboarding (partner_id, created_at, id);

-- who did what, and when
create table audit_entry (
    id             bigserial primary key,
    partner_id     uuid,
    action         varchar(64)  not null,
    resource_type  varchar(64)  not null,
    resource_id    varchar(255) not null,
    occurred_at    timestamptz  not null
);
create index audit_entry_partner on audit_entry (partner_id, occurred_at);
