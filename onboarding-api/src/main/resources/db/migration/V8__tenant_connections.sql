-- a connect link handed to a partner; its state can complete one consent, before it expires
create table tenant_connection_request (
    id          uuid primary key,
    partner_id  uuid         not null references partner (id),
    -- the tenant the link is for, when the partner named one; the consent must come from it
    tenant_id   varchar(255),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

-- the partner a tenant's administrator connected the tenant to, through admin consent: one at a time
create table tenant_connection (
    tenant_id     varchar(255) primary key,
    partner_id    uuid         not null references partner (id),
    request_id    uuid         not null references tenant_connection_request (id),
    connected_at  timestamptz  not null
);
create index tenant_connection_partner on tenant_connection (partner_id, connected_at, tenant_id);
