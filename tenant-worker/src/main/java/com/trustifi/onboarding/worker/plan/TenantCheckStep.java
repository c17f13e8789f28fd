package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayProfile;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.exchange.ExchangeCommandException;
import com.trustifi.onboarding.worker.graph.TenantDescription;
import com.trustifi.onboarding.worker.graph.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the relay profile (the one the partner named, else by the tenant's creation date) and checks that the
 * tenant can take it: every relay domain is one of its verified email domains, and its organization is
 * customizable (a dehydrated tenant refuses the later changes).
 */
@ApplicationScoped
public class TenantCheckStep implements PlanStep {

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
        RelayProfileName named = context.command().relay().profile();
        RelayProfileName chosen = named != null ? named : RelayProfileName.forTenantCreated(tenant.createdDateTime());
        context.choose(RelayProfile.named(chosen));
        List<String> problems = domainProblems(context, tenant);
        if (!problems.isEmpty()) {
            return StepResult.failed(String.join("; ", problems),
                    "In the Microsoft 365 admin center (Settings > Domains), add and verify each relay domain for Email, "
                            + "or leave it out of the onboarding request");
        }
        String checked = "Profile " + chosen + " (" + why(named, tenant) + "); relay domains verified for email: "
                + String.join(", ", context.relayDomains());
        return customization(context, checked).withProfile(chosen);
    }

    private static String why(RelayProfileName named, TenantDescription tenant) {
        String created = "tenant created " + tenant.createdDateTime().toLocalDate();
        if (named == null) {
            return created;
        }
        boolean outsideGuide = named == RelayProfileName.OLDER_TENANT
                && RelayProfileName.forTenantCreated(tenant.createdDateTime()) != RelayProfileName.OLDER_TENANT;
        return "named by the partner; " + created
                + (outsideGuide ? ", after the 2023-01-01 the vendor's guide for this profile is written for" : "");
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

    private JsonNode organizationConfig(StepContext context) {
        return exchange.invoke(context.tenantId(), Cmdlet.GET_ORGANIZATION_CONFIG, Map.of()).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("Get-OrganizationConfig returned nothing"));
    }

    private static boolean isDehydrated(JsonNode organization) {
        return organization.path("IsDehydrated").asBoolean(false);
    }

    /**
     * A dehydrated tenant refuses New-/Set- cmdlets until its organization is customized. A customized organization
     * never goes back, so the fleet watch does not ask again.
     */
    private StepResult customization(StepContext context, String checked) {
        if (context.command().kind() == CommandKind.WATCH) {
            return StepResult.of(StepOutcome.PASSED, checked);
        }
        if (!isDehydrated(organizationConfig(context))) {
            return StepResult.of(StepOutcome.PASSED, checked);
        }
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, checked + "; would enable organization customization");
            case VERIFY -> StepResult.drifted(checked + "; the organization is not customized",
                    List.of(new PropertyDrift("Organization config", "IsDehydrated", "False", "True")));
            case APPLY -> {
                try {
                    exchange.invoke(context.tenantId(), Cmdlet.ENABLE_ORGANIZATION_CUSTOMIZATION, Map.of());
                } catch (ExchangeCommandException refused) {
                    // "already enabled" when an earlier attempt whose answer was lost did it; the type is Exchange's
                    // generic one, so only the organization read again tells
                    if (!refused.isType("InvalidOperationException") || isDehydrated(organizationConfig(context))) {
                        throw refused;
                    }
                }
                yield StepResult.of(StepOutcome.UPDATED, checked + "; enabled organization customization");
            }
        };
    }
}
