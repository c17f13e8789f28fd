package com.trustifi.onboarding.worker.plan;

import com.microsoft.kiota.ApiException;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.ExchangeCommandException;
import com.trustifi.onboarding.worker.identity.EntraRefusal;
import com.trustifi.onboarding.worker.retry.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Classifies what went wrong in a step and says it in words a person can act on. Only the
 * service's own error text is kept; request contents (which may hold a secret) never are.
 */
@ApplicationScoped
public class StepFailures {

    private static final Logger LOG = Logger.getLogger(StepFailures.class);

    /** Worth running the whole step again: it reads before it writes, so this never duplicates. */
    public Optional<Failure> retryableAsStep(RuntimeException failure) {
        return Optional.of(Failure.of(failure)).filter(classified -> !classified.isPermanent());
    }

    public StepResult describe(ProvisioningStep step, RuntimeException failure) {
        boolean retryable = !Failure.of(failure).isPermanent();
        Optional<EntraRefusal> refusal = EntraRefusal.of(failure);
        if (refusal.isPresent()) {
            if (refusal.get() == EntraRefusal.APP_CREDENTIALS_REJECTED) {
                LOG.errorf("OPERATOR ACTION NEEDED: Entra rejects this service's app credentials (%s); check "
                        + "worker.identity.client-id and worker.identity.client-secret", EntraRefusal.codeOf(failure).orElse("no code"));
            }
            return new StepResult(StepOutcome.FAILED,
                    refusal.get().reason() + EntraRefusal.codeOf(failure).map(code -> " (" + code + ")").orElse(""),
                    refusal.get().remediation(), refusal.get().retryable());
        }
        if (failure instanceof ExchangeCommandException exchange) {
            return new StepResult(StepOutcome.FAILED,
                    exchange.cmdlet() + " failed: " + exchange.getMessage(), remediation(exchange), retryable);
        }
        if (failure instanceof ApiException graph) {
            return new StepResult(StepOutcome.FAILED,
                    "Microsoft Graph answered HTTP " + graph.getResponseStatusCode(),
                    graph.getResponseStatusCode() == 403
                            ? "Grant the app Organization.Read.All and Domain.Read.All with admin consent in the tenant"
                            : "Retry the onboarding", retryable);
        }
        LOG.warnf(failure, "Step %s failed unexpectedly", step);
        return new StepResult(StepOutcome.FAILED,
                "Unexpected failure: " + failure.getClass().getSimpleName(), "Retry the onboarding", retryable);
    }

    /**
     * By HTTP status first (a missing role is a 403 whose body may be nothing but NUL bytes), then by the exception
     * type Exchange named; never by its English text.
     */
    private static String remediation(ExchangeCommandException exchange) {
        if (exchange.httpStatus() == 401 || exchange.httpStatus() == 403) {
            return "The tenant's administrator must assign the Exchange Administrator role to the onboarding app "
                    + "(Microsoft Entra admin center > Roles & admins > Exchange Administrator > Add assignments), "
                    + "with Exchange.ManageAsApp consented; then retry the onboarding";
        }
        if (exchange.wasNotRun() || exchange.outcomeUnknown()) {
            return "Exchange Online was busy or did not answer; retry the onboarding later";
        }
        if (exchange.isType("InvalidOperationInDehydratedContextException")) {
            return "The tenant's organization is not customized yet: run Enable-OrganizationCustomization in Exchange Online "
                    + "PowerShell (or retry the onboarding, which runs it), then retry";
        }
        if (exchange.isType("ConnectorIncorrectUsageConnectorStillReferencedException")) {
            return "A transport rule still routes mail to this connector: remove that rule or point it elsewhere in the "
                    + "Exchange admin center, then retry";
        }
        if (exchange.isType("IPRangeInConnectorContainsReservedIPAddressesException")) {
            return "Exchange refuses private or reserved IP addresses in connectors: correct the relay's IP addresses, then retry";
        }
        if (exchange.isType("ManagementObjectNotFoundException")) {
            return "An object the onboarding relies on was removed meanwhile; retry the onboarding";
        }
        return "Check the tenant's Exchange Online configuration, then retry the onboarding";
    }
}
