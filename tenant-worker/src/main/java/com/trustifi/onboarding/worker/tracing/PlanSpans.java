package com.trustifi.onboarding.worker.tracing;

import com.trustifi.onboarding.model.ProvisioningCommand;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The spans of a plan: one for the command, continuing the trace its Kafka record carries (the API's request that
 * stored it), and one for each Exchange and Graph call under it. Attributes name cmdlets and requests, never
 * parameters: a parameter can hold the relay secret.
 */
@ApplicationScoped
public class PlanSpans {

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
        }
    };

    private final Tracer tracer;

    PlanSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Started, not current: the caller makes it current for the plan's thread and ends it. */
    public Span command(ProvisioningCommand command, Headers headers) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
        return tracer.spanBuilder("provision " + command.kind())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("tenant.id", command.tenantId())
                .setAttribute("onboarding.id", command.onboardingId().toString())
                .setAttribute("command.id", command.commandId().toString())
                .startSpan();
    }

    public Span exchangeCall(String cmdlet) {
        return tracer.spanBuilder("exchange " + cmdlet).setSpanKind(SpanKind.CLIENT)
                .setAttribute("exchange.cmdlet", cmdlet).startSpan();
    }

    public Span graphCall(String request) {
        return tracer.spanBuilder("graph " + request).setSpanKind(SpanKind.CLIENT)
                .setAttribute("graph.request", request).startSpan();
    }

    /** Ends a call's span with its HTTP status (0: no answer). */
    public static void ended(Span call, int httpStatus) {
        call.setAttribute("http.response.status_code", httpStatus);
        if (httpStatus == 0 || httpStatus >= 400) {
            call.setStatus(StatusCode.ERROR);
        }
        call.end();
    }
}
