package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The steps of the provisioning plan, in the order the worker runs them. */
public enum ProvisioningStep {
    /** Signing in to Graph and Exchange Online as the app: consent and the Exchange role (CHECK_CONNECTION). */
    @JsonProperty("check-connection") CHECK_CONNECTION,
    /** Graph organization and domains; Exchange organization customization. */
    @JsonProperty("check-tenant") CHECK_TENANT,
    /** Seed step 27: each relay domain is Authoritative. */
    @JsonProperty("check-accepted-domains") CHECK_ACCEPTED_DOMAINS,
    /** Seed steps 7-16: the outbound connector to the relay's smart host. */
    @JsonProperty("ensure-outbound-connector") ENSURE_OUTBOUND_CONNECTOR,
    /** Seed steps 14-15: validate the outbound connector with a test recipient. */
    @JsonProperty("validate-outbound-connector") VALIDATE_OUTBOUND_CONNECTOR,
    /** Seed steps 17-21: the inbound connector from the relay's addresses. */
    @JsonProperty("ensure-inbound-connector") ENSURE_INBOUND_CONNECTOR,
    /** Seed steps 22-26: the default remote domain's formats and reply types. */
    @JsonProperty("ensure-remote-domain") ENSURE_REMOTE_DOMAIN,
    /** Seed steps 28-45 and 48: the mail flow rule that sends mail through the relay. */
    @JsonProperty("ensure-transport-rule") ENSURE_TRANSPORT_RULE,
    /** Seed step 46: our rule above the vendor's inbound rule. */
    @JsonProperty("ensure-rule-order") ENSURE_RULE_ORDER,
    /** Seed step 47: the SPF record lists the relay's addresses (advisory). */
    @JsonProperty("check-spf") CHECK_SPF,
    /** Profile ALL_TENANTS: the vendor's domain-verification records are published (advisory). */
    @JsonProperty("check-domain-verification") CHECK_DOMAIN_VERIFICATION,
    /** Everything read back and compared with the profile. */
    @JsonProperty("verify") VERIFY,
    /** Not a step: the state of the onboarding as a whole. */
    @JsonProperty("onboarding") ONBOARDING
}
