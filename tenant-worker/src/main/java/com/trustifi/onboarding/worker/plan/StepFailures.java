package com.trustifi.onboarding.worker.plan;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.kiota.ApiException;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.worker.exchange.ExchangeCommandException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Turns an exception from a step into a reason and a remediation a person can act on. Only the
 * service's own error text is kept; request contents (which may hold a secret) never are.
 */
@ApplicationScoped
public class StepFailures {

    private static final Logger LOG = Logger.getLogger(StepFailures.class);

    public StepResult describe(ProvisioningStep step, RuntimeException failure) {
        if (failure instanceof ClientAuthenticationException) {
            return StepResult.failed("Sign-in to the tenant failed: " + firstLine(failure.getMessage()),
                    "Check that the tenant exists and that an administrator granted admin consent to the onboarding app");
        }
        if (failure instanceof ExchangeCommandException exchange) {
            return StepResult.failed(exchange.cmdlet() + " failed: " + exchange.getMessage(),
                    exchange.httpStatus() == 401 || exchange.httpStatus() == 403
                            ? "Grant the app Exchange.ManageAsApp and the Exchange Administrator role in the tenant"
                            : "Check the tenant's Exchange Online configuration, then retry the onboarding");
        }
        if (failure instanceof ApiException graph) {
            return StepResult.failed("Microsoft Graph answered HTTP " + graph.getResponseStatusCode(),
                    "Check that the app has Organization.Read.All and Domain.Read.All with admin consent in the tenant");
        }
        LOG.warnf(failure, "Step %s failed unexpectedly", step);
        return StepResult.failed("Unexpected failure: " + failure.getClass().getSimpleName(), "Retry the onboarding");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
