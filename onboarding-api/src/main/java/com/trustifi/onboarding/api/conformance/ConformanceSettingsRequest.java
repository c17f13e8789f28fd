package com.trustifi.onboarding.api.conformance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The partner's settings of the fleet watch. */
public record ConformanceSettingsRequest(
        @Schema(description = "How often each tenant is read again: an ISO 8601 duration from PT15M to P7D", examples = "PT6H")
        @NotBlank @Size(max = 40) String checkInterval,
        @Schema(description = "ALERT: the webhook tenant.drifted only; REPAIR: also onboard the tenant again")
        @NotNull DriftPolicy policy) {
}
