-- PROPAGATING: the worker has made its changes and Exchange is still applying them; the tenant
-- stays busy, so it counts as active like ACCEPTED and RUNNING
drop index onboarding_one_active_per_tenant;
create unique index onboarding_one_active_per_tenant on onboarding (tenant_id)
    where status in ('ACCEPTED', 'RUNNING', 'PROPAGATING');

-- a FAILED onboarding says whether running it again may help
alter table onboarding add column retryable boolean not null default false;

-- a step being retried by the worker: which try it is on, and when the next one starts
alter table onboarding_step add column attempt integer not null default 1;
alter table onboarding_step add column next_attempt_at timestamptz;
