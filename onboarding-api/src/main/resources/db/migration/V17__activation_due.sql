-- when the check confirming the tenant's last SUCCEEDED onboarding is due: checks made earlier (a partner's "check
-- now") may confirm it, but do not use up its attempts; null once it is confirmed or given up
alter table tenant_conformance add column activation_due_at timestamptz;
