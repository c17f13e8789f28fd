package com.trustifi.onboarding.api.conformance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a partner's watched tenants. */
public record ConformancePage(
        List<TenantConformanceView> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") String nextCursor) {
}
