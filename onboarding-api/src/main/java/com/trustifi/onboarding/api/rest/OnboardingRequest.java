package com.trustifi.onboarding.api.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's request to connect one Microsoft 365 tenant to the relay. */
public record OnboardingRequest(
        @Schema(description = "The tenant's id (a GUID) or its initial domain (name.onmicrosoft.com)",
                examples = "7e2a9c4d-31b5-4f0e-9d8a-5c6b7a8e9f01")
        @NotBlank
        @Pattern(regexp = TENANT_ID, message = "must be a tenant GUID or an initial domain ending in .onmicrosoft.com")
        String tenantId,

        @Schema(description = "The tenant's domains whose mail goes out through the relay (seed step 31)")
        @NotEmpty
        @Size(max = 100)
        List<@NotBlank @Pattern(regexp = DOMAIN_NAME, message = "must be a domain name such as contoso.com") String> relayDomains) {

    static final String TENANT_ID = "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|[a-z0-9][a-z0-9-]{0,62}\\.onmicrosoft\\.com";

    static final String DOMAIN_NAME = "(?i)(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";
}
