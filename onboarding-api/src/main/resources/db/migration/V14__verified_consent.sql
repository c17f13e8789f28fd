-- a connect link now completes in two legs: the administrator's verified sign-in, then admin consent.
-- signed_in_at uses up the sign-in leg's state, used_at (as before) the consent leg's.
alter table tenant_connection_request
    add column signed_in_at     timestamptz,
    -- from the id token Entra signed: the tenant, the user's object id and sign-in name
    add column admin_tenant_id  varchar(255),
    add column admin_object_id  varchar(64),
    add column admin_username   varchar(255);

-- Entra refused the app in the tenant after it was connected (consent revoked, service principal deleted):
-- no onboarding until its administrator connects it again
alter table tenant_connection
    add column consent_withdrawn_at  timestamptz,
    add column consent_withdrawn_reason varchar(500);
