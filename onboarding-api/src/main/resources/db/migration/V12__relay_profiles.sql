-- the partner names a relay profile, or leaves it to the tenant's creation date; force_profile meant
-- "the older tenants' profile on a newer tenant", which is naming OLDER_TENANT. force_profile stays (unread) until
-- no API of the version before runs: during a rolling deploy those still insert it
alter table onboarding add column requested_profile varchar(32);
update onboarding set requested_profile = 'OLDER_TENANT' where force_profile;

-- what the worker's tenant check chose, and the domain-verification records with whether DNS has them (JSON)
alter table onboarding add column applied_profile varchar(32);
alter table onboarding add column dns_records text;
-- before profiles, every tenant that passed its check was configured by the older tenants' guide
update onboarding o set applied_profile = 'OLDER_TENANT'
 where exists (select 1 from onboarding_step s
                where s.onboarding_id = o.id and s.step = 'CHECK_TENANT' and s.outcome <> 'FAILED');

-- the seed of the relay account's domain-verification records (profile ALL_TENANTS): public DNS content, no secret
alter table relay_account add column verification_token varchar(64);
update relay_account set verification_token = md5(id::text || random()::text);
alter table relay_account alter column verification_token set not null;
