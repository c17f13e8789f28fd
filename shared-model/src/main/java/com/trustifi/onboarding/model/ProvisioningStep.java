package com.trustifi.onboarding.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The steps of the provisioning plan, in the order the worker runs them. */
public enum ProvisioningStep {
    /** Graph organization and domains: the tenant exists and each relay domain is verified for email. */
    @JsonProperty("check-tenant") CHECK_TENANT,
    /** Seed steps 7-16: the outbound connector to the relay's smart host. */
    @JsonProperty("ensure-outbound-connector") ENSURE_OUTBOUND_CONNECTOR,
    /** Not a step: the outcome of the whole onboarding, sent last. */
    @JsonProperty("onboarding") ONBOARDING
}
