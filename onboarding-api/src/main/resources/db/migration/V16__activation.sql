-- after an onboarding SUCCEEDED, the fleet watch's first check confirms that the rule is in effect: PENDING until it
-- has, then ACTIVE or NOT_PROPAGATED (SUPERSEDED when a later onboarding of the tenant took the confirmation over)
alter table onboarding add column activation varchar(16);
alter table onboarding add column activation_detail text;
-- how many confirming checks the tenant's last SUCCEEDED onboarding has had; null once it is confirmed or given up
alter table tenant_conformance add column activation_attempts integer;
