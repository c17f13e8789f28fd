package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.relayaccount.DomainName;
import com.trustifi.onboarding.model.RelayProfileName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's request to connect one Microsoft 365 tenant to the relay. */
public record OnboardingRequest(
        @Schema(description = "The tenant's id (a GUID) or its initial domain (name.onmicrosoft.com)",
                examples = "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01")
        @NotBlank
        @Pattern(regexp = TENANT_ID, message = "must be a tenant GUID or an initial domain ending in .onmicrosoft.com")
        String tenantId,

        @Schema(description = "The relay account (POST /v1/relay-accounts) whose secret the tenant's rule sends")
        @NotNull
        UUID relayAccountId,

        @Schema(description = "The tenant's domains whose mail goes out through the relay (seed step 31); "
                + "each must be a domain of the relay account. Internationalized names are accepted.")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @DomainName String> relayDomains,

        @Schema(description = "Seed step 48: only these senders go through the relay; absent means all")
        @Valid
        LimitedScope limitedScope,

        @Schema(description = "Seed step 14: an address outside Microsoft 365 to validate the outbound connector with")
        @Email @Size(max = 320)
        String testRecipient,

        @Schema(description = "The vendor guide to configure the tenant by: OLDER_TENANT (\"Your organization\" "
                + "connectors, for tenants created before 2023-01-01) or ALL_TENANTS (a partner organization connector "
                + "and verified sending domains). Absent: chosen by the tenant's creation date.")
        RelayProfileName profile,

        @Schema(description = "Only report what would change (a PLAN); nothing is written to the tenant",
                defaultValue = "false")
        Boolean dryRun) {

    static final String TENANT_ID = "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|[a-z0-9][a-z0-9-]{0,62}\\.onmicrosoft\\.com";

    /** A group, or a list of sender addresses: one of the two. */
    public record LimitedScope(
            @Schema(description = "A distribution or security group address") @Email @Size(max = 320) String group,
            @Size(max = 1000) List<@NotBlank @Email @Size(max = 320) String> senderAddresses) {

        @AssertTrue(message = "must name either a group or sender addresses, not both and not neither")
        @Schema(hidden = true)
        boolean isGroupOrSenders() {
            boolean hasGroup = group != null && !group.isBlank();
            boolean hasSenders = senderAddresses != null && !senderAddresses.isEmpty();
            return hasGroup != hasSenders;
        }
    }
}
