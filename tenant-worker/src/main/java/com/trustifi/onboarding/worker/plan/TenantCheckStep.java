package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.graph.TenantDescription;
import com.trustifi.onboarding.worker.graph.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenant can take this profile: it was created before 2023-01-01 (the vendor's guide covers
 * only those, unless the request forces it), every relay domain is one of its verified email
 * domains, and its organization is customizable (a dehydrated tenant refuses the later changes).
 */
@ApplicationScoped
public class TenantCheckStep implements PlanStep {

    static final OffsetDateTime PROFILE_CUTOFF = OffsetDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final TenantDirectory directory;
    private final ExchangeAdminClient exchange;

    TenantCheckStep(TenantDirectory directory, ExchangeAdminClient exchange) {
        this.directory = directory;
        this.exchange = exchange;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_TENANT;
    }

    @Override
    public StepResult run(StepContext context) {
        TenantDescription tenant = directory.describe(context.tenantId());
        if (!tenant.createdDateTime().isBefore(PROFILE_CUTOFF) && !context.command().relay().forceProfile()) {
            return StepResult.failed("The tenant was created on " + tenant.createdDateTime().toLocalDate()
                            + "; this profile (\"Your organization\" connectors) is for tenants created before 2023-01-01",
                    "Onboard this tenant with the vendor's guide for newer tenants (partner organization connector), "
                            + "or resubmit with forceProfile set to apply this profile anyway");
        }
        List<String> problems = domainProblems(context, tenant);
        if (!problems.isEmpty()) {
            return StepResult.failed(String.join("; ", problems),
                    "In the Microsoft 365 admin center (Settings > Domains), add and verify each relay domain for Email, "
                            + "or leave it out of the onboarding request");
        }
        String checked = "Tenant created " + tenant.createdDateTime().toLocalDate()
                + "; relay domains verified for email: " + String.join(", ", context.relayDomains());
        return customization(context, checked);
    }

    private static List<String> domainProblems(StepContext context, TenantDescription tenant) {
        List<String> problems = new ArrayList<>();
        for (String relayDomain : context.relayDomains()) {
            tenant.domain(relayDomain).ifPresentOrElse(domain -> {
                if (!domain.verified()) {
                    problems.add(relayDomain + " is not verified");
                } else if (!domain.emailEnabled()) {
                    problems.add(relayDomain + " is not enabled for Email");
                }
            }, () -> problems.add(relayDomain + " is not a domain of this tenant"));
        }
        return problems;
    }

    /** A dehydrated tenant refuses New-/Set- cmdlets until its organization is customized. */
    private StepResult customization(StepContext context, String checked) {
        JsonNode organization = exchange.invoke(context.tenantId(), Cmdlet.GET_ORGANIZATION_CONFIG, Map.of()).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("Get-OrganizationConfig returned nothing"));
        if (!organization.path("IsDehydrated").asBoolean(false)) {
            return StepResult.of(StepOutcome.PASSED, checked);
        }
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, checked + "; would enable organization customization");
            case VERIFY -> StepResult.of(StepOutcome.DRIFTED, checked + "; the organization is not customized");
            case APPLY -> {
                exchange.invoke(context.tenantId(), Cmdlet.ENABLE_ORGANIZATION_CUSTOMIZATION, Map.of());
                yield StepResult.of(StepOutcome.UPDATED, checked + "; enabled organization customization");
            }
        };
    }
}
