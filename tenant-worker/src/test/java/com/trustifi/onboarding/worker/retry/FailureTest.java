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
import java.util.Set;
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

    private static ApiException graph(int status, String header, String value) {
        var headers = new ResponseHeaders();
        headers.put(header, Set.of(value));
        return new ApiExceptionBuilder().withMessage("Graph answered " + status).withResponseStatusCode(status)
                .withResponseHeaders(headers).build();
    }
}
