-- every command and every cancel raises its tenant's generation; the worker drops commands of an older one
create table tenant_generation (
    tenant_id   varchar(255) primary key,
    generation  bigint       not null
);

-- the outbox serves two topics (commands, and generations after a cancel), and knows each command's
-- onboarding, so that a cancel withdraws the commands not yet published
alter table outbox_message add column topic varchar(100) not null default 'provisioning-commands';
alter table outbox_message add column onboarding_id uuid;
create index outbox_message_pending_onboarding on outbox_message (onboarding_id) where published_at is null;
