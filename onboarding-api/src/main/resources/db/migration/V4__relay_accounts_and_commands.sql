-- a customer's relay integration on the vendor side (seed steps 1-6); its secret is stored
-- encrypted (AES-256-GCM, the account id as associated data), under a named key
create table relay_account (
    id                  uuid primary key,
    partner_id          uuid         not null references partner (id),
    customer_name       varchar(200) not null,
    plan                varchar(32)  not null,
    access_level        varchar(32)  not null,
    domains             text[]       not null,
    mta_host            varchar(253) not null,
    mta_port            integer      not null,
    enabled             boolean      not null,
    secret_key_id       varchar(64),
    secret_ciphertext   text,
    created_at          timestamptz  not null
);
create index relay_account_partner on relay_account (partner_id, created_at);

-- every command is its own onboarding row, so that each has its own sequence of status events;
-- origin_id links an action (retry, verify, plan, offboard, rotate-secret) to the onboarding it acts on
alter table onboarding add column kind varchar(32) not null default 'ONBOARD';
alter table onboarding add column origin_id uuid references onboarding (id);
alter table onboarding add column relay_account_id uuid references relay_account (id);
alter table onboarding add column limited_scope_group varchar(320);
alter table onboarding add column limited_scope_senders text[];
alter table onboarding add column test_recipient varchar(320);
alter table onboarding add column force_profile boolean not null default false;
