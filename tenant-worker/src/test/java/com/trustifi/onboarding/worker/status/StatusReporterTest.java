package com.trustifi.onboarding.worker.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.worker.plan.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusReporterTest {

    private final List<StatusEvent> published = new ArrayList<>();
    private final StatusReporter reporter = new StatusReporter(new ProvisioningCommand(ProvisioningCommand.SCHEMA_VERSION,
            UUID.randomUUID(), UUID.randomUUID(), "tenant", CommandKind.ONBOARD,
            new RelayConfiguration(List.of("contoso.example"), null, null, null, null, List.of()),
            Instant.now(), 0), published::add, Instant.now());

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
}
