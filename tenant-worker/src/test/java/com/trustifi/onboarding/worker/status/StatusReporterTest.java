package com.trustifi.onboarding.worker.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.plan.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusReporterTest {

    private final List<List<StatusEvent>> reports = new ArrayList<>();
    private final List<StatusEvent> published = new ArrayList<>();
    private final StatusReporter reporter = new StatusReporter(new ProvisioningCommand(ProvisioningCommand.SCHEMA_VERSION,
            UUID.randomUUID(), UUID.randomUUID(), "tenant", CommandKind.ONBOARD,
            new RelayConfiguration(List.of("contoso.example"), null, null, null, null, List.of()),
            Instant.now(), 0), report -> {
                reports.add(report);
                published.addAll(report);
            }, Instant.now());

    @Test
    void anEchoedSecretIsCutOutOfWhatIsReported() {
        reporter.redact(Optional.of("s3cr3t-value"));

        assertThat(reporter.redacted("Set-TransportRule failed: value 's3cr3t-value' is not valid"))
                .isEqualTo("Set-TransportRule failed: value '(relay secret)' is not valid");
    }

    @Test
    void withoutASecretTextIsReportedAsItIs() {
        assertThat(reporter.redacted("nothing secret")).isEqualTo("nothing secret");
        assertThat(reporter.redacted(null)).isNull();
    }

    @Test
    void anEchoedSecretIsCutOutOfADriftsValuesToo() {
        reporter.redact(Optional.of("s3cr3t-value"));

        reporter.onboarding(StepResult.failedRetryable("Drift found", null).withDrift(List.of(
                new PropertyDrift("Trustifi Outbound Relay", "Comments", "relay rule", "copied s3cr3t-value here"))));

        assertThat(published).singleElement().extracting(StatusEvent::drift).asList()
                .containsExactly(new PropertyDrift("Trustifi Outbound Relay", "Comments", "relay rule", "copied (relay secret) here"));
    }

    @Test
    void stepsThatFinishTogetherWaitForTheOnboardingsNextStateAndGoAsOneReport() {
        reporter.step(ProvisioningStep.CHECK_TENANT, StepResult.of(StepOutcome.PASSED, "ok"));
        assertThat(reports).as("the run's first event goes at once: the partner sees the onboarding start").hasSize(1);
        reporter.step(ProvisioningStep.CHECK_ACCEPTED_DOMAINS, StepResult.of(StepOutcome.PASSED, "ok"));
        reporter.step(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepResult.of(StepOutcome.CREATED, "created"));
        assertThat(reports).as("nothing more is sent while the steps come quickly").hasSize(1);

        reporter.onboarding(StepResult.of(StepOutcome.PROPAGATING, "the rule is saved"));
        reporter.step(ProvisioningStep.VERIFY, StepResult.of(StepOutcome.PASSED, "as required"));
        reporter.onboarding(StepResult.of(StepOutcome.SUCCEEDED, "done"));

        assertThat(reports).extracting(report -> report.stream().map(StatusEvent::step).toList()).containsExactly(
                List.of(ProvisioningStep.CHECK_TENANT),
                List.of(ProvisioningStep.CHECK_ACCEPTED_DOMAINS, ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, ProvisioningStep.ONBOARDING),
                List.of(ProvisioningStep.VERIFY, ProvisioningStep.ONBOARDING));
        assertThat(published).extracting(StatusEvent::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aRetryIsSentAtOnceWithTheStepsBeforeIt() {
        reporter.step(ProvisioningStep.CHECK_TENANT, StepResult.of(StepOutcome.PASSED, "ok"));
        reporter.step(ProvisioningStep.CHECK_ACCEPTED_DOMAINS, StepResult.of(StepOutcome.PASSED, "ok"));
        reporter.retrying(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, 1, Instant.now().plusSeconds(30), "throttled");

        assertThat(reports).last().extracting(report -> report.stream().map(StatusEvent::outcome).toList())
                .isEqualTo(List.of(StepOutcome.PASSED, StepOutcome.RETRYING));
    }

    @Test
    void aStepOlderThanTheFoldWindowGoesWithTheNext() throws InterruptedException {
        reporter.step(ProvisioningStep.CHECK_TENANT, StepResult.of(StepOutcome.PASSED, "ok"));
        reporter.step(ProvisioningStep.CHECK_ACCEPTED_DOMAINS, StepResult.of(StepOutcome.PASSED, "ok"));
        Thread.sleep(StatusReporter.FOLD_WINDOW.toMillis() + 50);
        reporter.step(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepResult.of(StepOutcome.CREATED, "created"));

        assertThat(reports).hasSize(2).last().asList().hasSize(2);
    }

    @Test
    void whatAFailedSendHeldGoesWithTheNextReport() {
        List<List<StatusEvent>> sent = new ArrayList<>();
        boolean[] kafkaDown = {false};
        var flaky = new StatusReporter(new ProvisioningCommand(ProvisioningCommand.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), "tenant", CommandKind.ONBOARD,
                new RelayConfiguration(List.of("contoso.example"), null, null, null, null, List.of()), Instant.now(), 0),
                report -> {
                    if (kafkaDown[0]) {
                        throw new IllegalStateException("Kafka did not acknowledge in time");
                    }
                    sent.add(report);
                }, Instant.now());
        flaky.step(ProvisioningStep.CHECK_TENANT, StepResult.of(StepOutcome.PASSED, "ok"));
        flaky.step(ProvisioningStep.ENSURE_OUTBOUND_CONNECTOR, StepResult.of(StepOutcome.CREATED, "created"));
        kafkaDown[0] = true;
        try {
            flaky.retrying(ProvisioningStep.ENSURE_INBOUND_CONNECTOR, 1, Instant.now().plusSeconds(30), "throttled");
        } catch (IllegalStateException expected) {
            // the plan sees the failure; the events stay
        }
        kafkaDown[0] = false;
        flaky.onboarding(StepResult.failed("Unexpected failure", null));

        assertThat(sent).last().extracting(report -> report.stream().map(StatusEvent::outcome).toList())
                .isEqualTo(List.of(StepOutcome.CREATED, StepOutcome.RETRYING, StepOutcome.FAILED));
    }
}
