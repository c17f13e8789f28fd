-- a canceled onboarding holds its tenant until the worker confirms it stopped (or a deadline passes)
drop index onboarding_one_active_per_tenant;
create unique index onboarding_one_active_per_tenant on onboarding (tenant_id)
    where status in ('ACCEPTED', 'RUNNING', 'PROPAGATING', 'CANCELING') and kind <> 'CHECK_CONNECTION';
