package com.trustifi.onboarding.api.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer names its trace in {@code X-Trace-Id}, so a partner reporting a problem, or an operator following an
 * onboarding from the REST call through Kafka to the worker's Exchange calls, has the one id to look for.
 */
@Provider
public class TraceIdHeader implements ContainerResponseFilter {

    static final String NAME = "X-Trace-Id";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        SpanContext context = Span.current().getSpanContext();
        if (context.isValid()) {
            response.getHeaders().putSingle(NAME, context.getTraceId());
        }
    }
}
