-- the fleet watch's checks are onboardings of kind VERIFY that the partner did not ask for: they neither keep the
-- tenant busy nor show in the partner's list
alter table onboarding add column watch boolean not null default false;
drop index onboarding_one_active_per_tenant;
create unique index onboarding_one_active_per_tenant on onboarding (tenant_id)
    where status in ('ACCEPTED', 'RUNNING', 'PROPAGATING', 'CANCELING') and kind <> 'CHECK_CONNECTION' and not watch;

-- every tenant a partner onboarded, as the fleet watch last found it
create table tenant_conformance (
    tenant_id        varchar(255) primary key,
    partner_id       uuid         not null references partner (id),
    -- the onboarding whose configuration the tenant must keep: the last one that SUCCEEDED
    onboarding_id    uuid         not null references onboarding (id),
    state            varchar(16)  not null,
    -- the drifted properties as JSON, each with when it was first seen: shown, never queried
    drift            text,
    reason           text,
    remediation      text,
    -- REPAIR or ALERT for this tenant; null follows the partner's setting
    policy           varchar(16),
    checked_at       timestamptz,
    changed_at       timestamptz  not null,
    next_check_at    timestamptz  not null,
    last_check_id    uuid
);
create index tenant_conformance_due on tenant_conformance (next_check_at);
create index tenant_conformance_partner_state on tenant_conformance (partner_id, state, tenant_id);

-- how often a partner's tenants are checked, and what a drift leads to
create table conformance_settings (
    partner_id              uuid primary key references partner (id),
    check_interval_seconds  bigint      not null,
    policy                  varchar(16) not null,
    updated_at              timestamptz not null
);
