-- a connection check only reads the tenant, so it does not keep the tenant busy: an onboarding
-- submitted right after the administrator's consent is accepted while the check runs
drop index onboarding_one_active_per_tenant;
create unique index onboarding_one_active_per_tenant on onboarding (tenant_id)
    where status in ('ACCEPTED', 'RUNNING', 'PROPAGATING') and kind <> 'CHECK_CONNECTION';
create index onboarding_connection_checks on onboarding (partner_id, tenant_id, created_at) where kind = 'CHECK_CONNECTION';
