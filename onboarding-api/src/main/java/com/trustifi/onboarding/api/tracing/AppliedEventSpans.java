package com.trustifi.onboarding.api.tracing;

import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.model.StatusReport;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * Ends a status event's trace where the API applied it: one span per event, a child of the worker's span that
 * published its report, once the poll's transaction has committed. Events arrive in polls of hundreds from many traces, so no span of the poll's
 * own would belong to any one of them.
 */
@ApplicationScoped
public class AppliedEventSpans {

    private final Tracer tracer;

    AppliedEventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    public void applied(KafkaRecord<String, StatusReport> record) {
        Header parent = record.getHeaders().lastHeader(TraceParent.HEADER);
        if (parent == null) {
            return;
        }
        Context publisher = TraceParent.context(new String(parent.value(), StandardCharsets.US_ASCII));
        for (StatusEvent event : record.getPayload().events()) {
            tracer.spanBuilder("apply status event")
                    .setParent(publisher)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("onboarding.id", event.onboardingId().toString())
                    .setAttribute("onboarding.step", event.step().name())
                    .setAttribute("onboarding.outcome", event.outcome().name())
                    .startSpan()
                    .end();
        }
    }
}
