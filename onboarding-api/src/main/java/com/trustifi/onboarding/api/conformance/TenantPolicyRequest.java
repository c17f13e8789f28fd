package com.trustifi.onboarding.api.conformance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tenant's own drift policy. */
public record TenantPolicyRequest(
        @Schema(description = "ALERT or REPAIR for this tenant; null to follow the partner's setting", nullable = true)
        DriftPolicy policy) {
}
