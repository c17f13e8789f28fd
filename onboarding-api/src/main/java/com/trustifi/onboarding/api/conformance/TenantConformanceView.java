package com.trustifi.onboarding.api.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the fleet watch last found in one tenant, and its latest checks. */
public record TenantConformanceView(
        String tenantId,
        ConformanceState state,
        @Schema(description = "With DRIFTED: each property that differs") List<DriftedProperty> drift,
        @Schema(description = "With UNREACHABLE: why; with DRIFTED under REPAIR: why no repair started") String reason,
        String remediation,
        @Schema(description = "The policy in force: the tenant's own, else the partner's") DriftPolicy policy,
        @Schema(description = "Whether the policy is the tenant's own rather than the partner's") boolean ownPolicy,
        @Schema(description = "The SUCCEEDED onboarding whose configuration the tenant must keep") UUID onboardingId,
        Instant checkedAt,
        @Schema(description = "When the state or the drift last changed") Instant changedAt,
        Instant nextCheckAt,
        @Schema(description = "The latest checks, newest first; only on GET /v1/tenants/{tenantId}/conformance")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Check> history) {

    /** One check of the fleet watch: an onboarding of kind WATCH, readable at GET /v1/onboardings/{id}. */
    public record Check(UUID id, OnboardingStatus status, String detail, Instant createdAt, Instant updatedAt) {
    }

    static TenantConformanceView of(TenantConformance conformance, DriftPolicy policy, List<Onboarding> checks) {
        return new TenantConformanceView(conformance.tenantId, conformance.state, conformance.drift(), conformance.reason,
                conformance.remediation, policy, conformance.policy != null, conformance.onboardingId, conformance.checkedAt,
                conformance.changedAt, conformance.nextCheckAt, checks.stream()
                        .map(check -> new Check(check.id, check.status, check.detail, check.createdAt, check.updatedAt)).toList());
    }
}
