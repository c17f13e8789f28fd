package com.trustifi.onboarding.api.batch;

import com.trustifi.onboarding.api.onboarding.OnboardingRequest;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Many tenants at once. Each row is a single onboarding request and is validated as one, row by
 * row, so that one bad row does not hold up the others.
 */
public record BatchRequest(
        @Schema(description = "The relay account of every row that names none")
        UUID relayAccountId,

        @Schema(description = "One onboarding request per tenant; at most onboarding.batch.max-rows (10,000)")
        @NotEmpty
        List<OnboardingRequest> rows) {
}
