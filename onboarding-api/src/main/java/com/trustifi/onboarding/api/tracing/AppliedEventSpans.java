package com.trustifi.onboarding.api.tracing;

import com.trustifi.onboarding.model.StatusEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * Ends a status event's trace where the API applied it: one span per event, a child of the worker's, once the
 * poll's transaction has committed. Events arrive in polls of hundreds from many traces, so no span of the poll's
 * own would belong to any one of them.
 */
@ApplicationScoped
public class AppliedEventSpans {

    private final Tracer tracer;

    AppliedEventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    public void applied(KafkaRecord<String, StatusEvent> record) {
        Header parent = record.getHeaders().lastHeader(TraceParent.HEADER);
        if (parent == null) {
            return;
        }
        StatusEvent event = record.getPayload();
        tracer.spanBuilder("apply status event")
                .setParent(TraceParent.context(new String(parent.value(), StandardCharsets.US_ASCII)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("onboarding.id", event.onboardingId().toString())
                .setAttribute("onboarding.step", event.step().name())
                .setAttribute("onboarding.outcome", event.outcome().name())
                .startSpan()
                .end();
    }
}
