package com.trustifi.onboarding.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.trustifi.onboarding.api.config.WebhookConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private static WebhookConfig config(boolean allowPrivate) {
        return new WebhookConfig() {
            public boolean allowPrivateAddresses() { return allowPrivate; }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public int batchSize() { return 20; }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public int maxAttempts() { return 8; }
            public Duration initialBackoff() { return Duration.ofSeconds(10); }
            public Duration maxBackoff() { return Duration.ofHours(1); }
        };
    }

    @Test
    void inProductionInternalAddressesAreRefused() {
        var targets = new WebhookTargets(config(false));
        for (String url : new String[] {"http://127.0.0.1/hook", "http://localhost:8080/", "https://10.1.2.3/",
                "https://192.168.0.10/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/",
                "http://100.64.0.1/", "http://0.0.0.0/"}) {
            assertThat(targets.refusal(url)).as(url).isPresent();
        }
        assertThat(targets.refusal("https://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInformation() {
        var targets = new WebhookTargets(config(true));
        assertThat(targets.refusal("file:///etc/passwd")).isPresent();
        assertThat(targets.refusal("gopher://example.com/")).isPresent();
        assertThat(targets.refusal("https://user:pw@example.com/")).isPresent();
        assertThat(targets.refusal("not a url")).isPresent();
        assertThat(targets.refusal("http://127.0.0.1:9999/hook")).isEmpty();
    }

    @Test
    void theWaitDoublesUpToTheMaximum() {
        var sender = new WebhookSender(null, null, config(true), null);
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(sender.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(sender.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
