package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.graph.TenantDescription;
import com.trustifi.onboarding.worker.graph.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The tenant can be reached and every relay domain is one of its verified email domains. */
@ApplicationScoped
public class TenantCheckStep implements PlanStep {

    private final TenantDirectory directory;

    TenantCheckStep(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_TENANT;
    }

    @Override
    public StepResult run(ProvisioningCommand command) {
        TenantDescription tenant = directory.describe(command.tenantId());
        List<String> problems = new ArrayList<>();
        for (String relayDomain : command.relay().relayDomains()) {
            tenant.domain(relayDomain).ifPresentOrElse(domain -> {
                if (!domain.verified()) {
                    problems.add(relayDomain + " is not verified");
                } else if (!domain.emailEnabled()) {
                    problems.add(relayDomain + " is not enabled for Email");
                }
            }, () -> problems.add(relayDomain + " is not a domain of this tenant"));
        }
        if (!problems.isEmpty()) {
            return StepResult.failed(String.join("; ", problems),
                    "In the Microsoft 365 admin center (Settings > Domains), add and verify each relay domain for Email, "
                            + "or leave it out of the onboarding request");
        }
        return StepResult.of(StepOutcome.PASSED, "Tenant created " + tenant.createdDateTime().toLocalDate()
                + "; relay domains verified for email: " + String.join(", ", command.relay().relayDomains()));
    }
}
