package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.config.WorkerConfig;
import com.trustifi.onboarding.worker.fencing.TenantGenerations;
import com.trustifi.onboarding.worker.identity.RelaySecrets;
import com.trustifi.onboarding.worker.retry.Backoff;
import com.trustifi.onboarding.worker.retry.Retrying;
import com.trustifi.onboarding.worker.status.StatusReporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the steps a command asks for, in order; reports each one; stops at the first failure, or
 * before the next step once the command is canceled or superseded; and reports the result last.
 * Every step converges, so running a plan again after a crash, a redelivery or an ambiguous answer
 * finishes the work instead of repeating it.
 */
@ApplicationScoped
public class ProvisioningPlan {

    private static final Logger LOG = Logger.getLogger(ProvisioningPlan.class);

    private final List<PlanStep> onboarding;
    private final List<PlanStep> watching;
    private final List<PlanStep> offboarding;
    private final List<PlanStep> rotation;
    private final List<PlanStep> connectionCheck;
    private final StepFailures failures;
    private final RelaySecrets secrets;
    private final Retrying stepRetries;
    private final TenantGenerations generations;

    ProvisioningPlan(TenantCheckStep tenant, AcceptedDomainsStep acceptedDomains, OutboundConnectorStep outbound,
            ConnectorValidationStep validation, InboundConnectorStep inbound, RemoteDomainStep remoteDomain,
            TransportRuleStep rule, RuleOrderStep order, SpfCheckStep spf, DomainVerificationStep domainVerification,
            VerifyStep verify,
            ConnectionCheckStep connection, StepFailures failures, RelaySecrets secrets,
            TenantGenerations generations, WorkerConfig config) {
        this.generations = generations;
        this.onboarding = List.of(tenant, acceptedDomains, outbound, validation, inbound, remoteDomain, rule, order, spf,
                domainVerification, verify);
        // what an administrator can change after onboarding: an organization stays customized, and the accepted
        // domains are the tenant's own, which the rule's sender domains and the tenant check's domains already cover
        this.watching = List.of(tenant, outbound, validation, inbound, remoteDomain, rule, order, spf, domainVerification);
        // the same steps with the desired states of their command: offboarding removes the rule first (it routes to
        // the outbound connector), and restores the remote domain before the outbound connector whose comment holds
        // the values to restore; a rotation changes only the rule's header value
        this.offboarding = List.of(rule, remoteDomain, inbound, outbound);
        this.rotation = List.of(rule);
        this.connectionCheck = List.of(connection);
        this.failures = failures;
        this.secrets = secrets;
        this.stepRetries = new Retrying(new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
                config.retry().stepAttempts());
    }

    public PlanOutcome run(ProvisioningCommand command, StatusReporter status, Delivery delivery) {
        LOG.infof("%s %s for tenant %s", command.kind(), command.onboardingId(), command.tenantId());
        StepContext context;
        try {
            context = new StepContext(command, mode(command.kind()), secrets.decrypt(command));
            status.redact(context.relaySecret());
        } catch (IllegalArgumentException e) {
            status.onboarding(StepResult.failed(e.getMessage(), "Check that both services have the same relay secret keys"));
            return PlanOutcome.FINISHED;
        }
        boolean propagating = false;
        List<String> drift = new java.util.ArrayList<>();
        List<PropertyDrift> driftedProperties = new java.util.ArrayList<>();
        List<String> done = new java.util.ArrayList<>();
        StepResult notInEffect = null;
        for (PlanStep step : steps(command.kind())) {
            if (generations.supersedes(command)) {
                LOG.infof("%s %s for tenant %s stopped before %s: canceled or superseded", command.kind(),
                        command.onboardingId(), command.tenantId(), step.name());
                status.onboarding(StepResult.of(StepOutcome.CANCELED, "Stopped before " + label(step.name()) + ": the onboarding was canceled, or a newer command for the tenant replaced it"
                        + (done.isEmpty() ? "; nothing was changed" : "; already done: " + String.join(", ", done))));
                return PlanOutcome.FINISHED;
            }
            StepResult result = runWithRetries(step, context, status);
            if (result.isFailure() && result.retryable() && delivery.redelivery().isPresent()) {
                Duration delay = delivery.redelivery().get();
                LOG.infof("%s %s deferred at %s for %s: %s", command.kind(), command.onboardingId(), step.name(), delay,
                        status.redacted(result.detail()));
                status.deferred(step.name(), Instant.now().plus(delay), result.detail());
                return PlanOutcome.DEFERRED;
            }
            status.step(step.name(), result);
            if (result.changedSomething()) {
                done.add(label(step.name()) + " " + result.outcome());
            }
            if (result.outcome() == StepOutcome.NOT_PROPAGATED) {
                notInEffect = result;
            }
            if (result.outcome() == StepOutcome.DRIFTED) {
                drift.add(result.detail());
                driftedProperties.addAll(result.drift());
            }
            if (result.isFailure()) {
                LOG.infof("%s %s failed at %s: %s", command.kind(), command.onboardingId(), step.name(),
                        status.redacted(result.detail()));
                status.onboarding(new StepResult(StepOutcome.FAILED, result.detail(), result.remediation(), result.retryable()));
                return PlanOutcome.FINISHED;
            }
            if (step.name() == ProvisioningStep.ENSURE_TRANSPORT_RULE && result.changedSomething() && context.writes()) {
                propagating = true;
                status.onboarding(StepResult.of(StepOutcome.PROPAGATING,
                        "The rule is saved; Exchange Online can take up to 30 minutes to apply it everywhere"));
            }
        }
        // a verify's final event carries every drifted property, so that the API reads the whole finding from one event
        if (!drift.isEmpty()) {
            status.onboarding(StepResult.failedRetryable("Drift found: " + String.join("; ", drift), "Onboard the tenant again to repair it")
                    .withDrift(driftedProperties));
        } else if (notInEffect != null) {
            status.onboarding(StepResult.failedRetryable("The relay's objects are in place, but the rule is not in effect yet: "
                    + notInEffect.detail(), "Exchange Online can take 30 minutes or more to apply a new rule; the check is made again"));
        } else {
            status.onboarding(finalResult(command.kind(), propagating));
        }
        return PlanOutcome.FINISHED;
    }

    /** Unknown outcomes and exhausted call retries get the whole step again: it reads before it writes. */
    private StepResult runWithRetries(PlanStep step, StepContext context, StatusReporter status) {
        try {
            return stepRetries.run(() -> step.run(context), failures::retryableAsStep,
                    (attempt, wait, failure) -> status.retrying(step.name(), attempt, Instant.now().plus(wait),
                            failures.describe(step.name(), failure).detail()));
        } catch (RuntimeException e) {
            return failures.describe(step.name(), e);
        }
    }

    private List<PlanStep> steps(CommandKind kind) {
        return switch (kind) {
            case ONBOARD -> onboarding;
            // each step already reports its own difference: reading everything back again adds nothing
            case PLAN, VERIFY -> onboarding.subList(0, onboarding.size() - 1);
            case WATCH -> watching;
            case OFFBOARD -> offboarding;
            case ROTATE_SECRET -> rotation;
            case CHECK_CONNECTION -> connectionCheck;
        };
    }

    private static Mode mode(CommandKind kind) {
        return switch (kind) {
            case PLAN -> Mode.PLAN;
            case VERIFY, WATCH, CHECK_CONNECTION -> Mode.VERIFY;
            case ONBOARD, OFFBOARD, ROTATE_SECRET -> Mode.APPLY;
        };
    }

    private static StepResult finalResult(CommandKind kind, boolean propagating) {
        String detail = switch (kind) {
            case ONBOARD -> propagating
                    ? "The tenant is configured as the relay profile requires; the rule takes effect within about 30 minutes"
                    : "The tenant is configured as the relay profile requires";
            case PLAN -> "Plan complete: the steps list what onboarding would change";
            case VERIFY -> "The tenant matches the relay profile";
            case WATCH -> "The tenant still matches the relay profile";
            case OFFBOARD -> "The relay's rule and connectors are removed and the remote domain restored";
            case ROTATE_SECRET -> "The relay secret is replaced";
            case CHECK_CONNECTION -> "The onboarding app can sign in to the tenant and administer Exchange Online";
        };
        return StepResult.of(StepOutcome.SUCCEEDED, detail);
    }

    /** The step as partners see it on the wire, e.g. "ensure-transport-rule". */
    private static String label(ProvisioningStep step) {
        return step.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
