-- many tenants submitted at once; each accepted row is an ordinary onboarding that names its batch
create table onboarding_batch (
    id              uuid primary key,
    partner_id      uuid        not null references partner (id),
    accepted_count  integer     not null,
    rejected_count  integer     not null,
    created_at      timestamptz not null
);
create index onboarding_batch_partner on onboarding_batch (partner_id, created_at);

alter table onboarding add column batch_id uuid references onboarding_batch (id);
-- a batch's progress is counted by status
create index onboarding_batch_status on onboarding (batch_id, status) where batch_id is not null;
