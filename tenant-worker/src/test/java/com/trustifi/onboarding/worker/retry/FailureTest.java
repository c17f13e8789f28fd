package com.trustifi.onboarding.worker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.microsoft.kiota.ResponseHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeCommandException;
import com.trustifi.onboarding.worker.exchange.ExchangeErrorEnvelope;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse("2")).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ")).contains(Duration.ofMinutes(2));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RetryAfter.parse(inAMinute)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60)));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isEmpty();
        assertThat(RetryAfter.parse("-3")).isEmpty();
        assertThat(RetryAfter.parse(null)).isEmpty();
    }

    @Test
    void graphThrottlingIsTransientWithItsRetryAfterWhateverTheHeaderCase() {
        Failure throttled = Failure.of(graph(429, "retry-after", "3"));
        assertThat(throttled.kind()).isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(Failure.of(graph(503, "Retry-After", "1")).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(Failure.of(graph(502, "x-ms-throttle-scope", "Tenant")).kind()).isEqualTo(Failure.Kind.TRANSIENT);
    }

    @Test
    void refusalsAreNotRetriedAndLostAnswersAreUnknown() {
        assertThat(Failure.of(graph(403, "x", "y")).isPermanent()).isTrue();
        assertThat(Failure.of(graph(404, "x", "y")).isPermanent()).isTrue();
        assertThat(Failure.of(new UncheckedIOException(new IOException("reset"))).kind()).isEqualTo(Failure.Kind.UNKNOWN);
        assertThat(Failure.of(new IllegalStateException("a bug")).isPermanent()).isTrue();
    }

    @Test
    void exchangeFailuresAreClassifiedByStatusAndTypeInBothEnvelopes() {
        String argument2026 = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid Operation\",\"details\":[{\"code\":\"Client\","
                + "\"message\":\"|System.ArgumentException|bad\"}],\"innererror\":{\"internalexception\":{\"message\":\"bad\","
                + "\"type\":\"System.ArgumentException\"}}}}";
        String argument2023 = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Error executing cmdlet\",\"details\":[{\"code\":"
                + "\"Context\",\"message\":\"Ex0B1A2C|System.ArgumentException|bad\"}]}}";
        String throttledType = "{\"error\":{\"message\":\"Invalid Operation\",\"innererror\":{\"internalexception\":{\"message\":"
                + "\"over budget\",\"type\":\"Microsoft.Exchange.Data.Directory.OverBudgetException\"}}}}";

        assertThat(Failure.of(exchange(400, argument2026, null)).isPermanent()).isTrue();
        assertThat(Failure.of(exchange(400, argument2023, null)).isPermanent()).isTrue();
        assertThat(Failure.of(exchange(400, throttledType, null)).kind()).as("a throttling type is transient whatever the status")
                .isEqualTo(Failure.Kind.TRANSIENT);
        Failure concurrency = Failure.of(exchange(429,
                "You have reached the maximum number of concurrent requests per tenant. Please wait and try again.", "4"));
        assertThat(concurrency.kind()).isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(concurrency.retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(Failure.of(exchange(500, "You have reached the maximum number of concurrent requests per tenant.", null)).kind())
                .as("the raw concurrency text means not run, whatever the status").isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(Failure.of(exchange(403, "\0".repeat(64), null)).isPermanent()).isTrue();
        assertThat(Failure.of(exchange(504, "<html>Gateway Time-out</html>", null)).kind()).isEqualTo(Failure.Kind.UNKNOWN);
    }

    @Test
    void aSecretEchoedByExchangeIsTakenOutOfTheMessage() {
        var envelope = ExchangeErrorEnvelope.read(400, "{\"error\":{\"details\":[{\"message\":\"|System.ArgumentException|value s3cr3t is bad\"}]}}",
                null, new ObjectMapper());

        ExchangeCommandException failure = ExchangeCommandException.from(Cmdlet.SET_TRANSPORT_RULE, 400, null, envelope, List.of("s3cr3t"));

        assertThat(failure.getMessage()).isEqualTo("value (not shown) is bad");
    }

    private static ExchangeCommandException exchange(int status, String body, String retryAfter) {
        return ExchangeCommandException.from(Cmdlet.GET_TRANSPORT_RULE, status, retryAfter,
                ExchangeErrorEnvelope.read(status, body, null, new ObjectMapper()), List.of());
    }

    private static ApiException graph(int status, String header, String value) {
        var headers = new ResponseHeaders();
        headers.put(header, Set.of(value));
        return new ApiExceptionBuilder().withMessage("Graph answered " + status).withResponseStatusCode(status)
                .withResponseHeaders(headers).build();
    }
}
