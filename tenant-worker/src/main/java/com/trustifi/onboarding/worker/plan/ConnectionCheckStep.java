package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.graph.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Signs in to a newly connected tenant as the app, as an onboarding would, and writes nothing. A
 * Graph read proves the administrator's consent; an Exchange read proves that the app's service
 * principal holds the Exchange Administrator role, which consent alone does not give. Exchange's own
 * answer is asked rather than Graph's list of directory roles: it is what onboarding needs, and
 * reading directory roles would need one more permission the app has no other use for.
 */
@ApplicationScoped
public class ConnectionCheckStep implements PlanStep {

    private final TenantDirectory directory;
    private final ExchangeAdminClient exchange;

    ConnectionCheckStep(TenantDirectory directory, ExchangeAdminClient exchange) {
        this.directory = directory;
        this.exchange = exchange;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_CONNECTION;
    }

    @Override
    public StepResult run(StepContext context) {
        String organization = directory.describe(context.tenantId()).displayName();
        exchange.invoke(context.tenantId(), Cmdlet.GET_ORGANIZATION_CONFIG, Map.of());
        return StepResult.of(StepOutcome.PASSED, "Signed in to " + organization + " as the onboarding app: admin consent is "
                + "granted and the app can administer Exchange Online");
    }
}
