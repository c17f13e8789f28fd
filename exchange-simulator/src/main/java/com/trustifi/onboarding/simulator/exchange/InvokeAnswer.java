package com.trustifi.onboarding.simulator.exchange;

import com.trustifi.onboarding.simulator.SimulatedTenant;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one InvokeCommand call (or $batch sub-request) answers.
 *
 * @param status  HTTP status
 * @param headers extra response headers, e.g. Retry-After
 * @param body    a JSON-serializable map, or a {@link Raw} body for the answers Exchange does not send as JSON
 */
record InvokeAnswer(int status, Map<String, String> headers, Object body) {

    /** A body sent as it is, not as JSON. */
    record Raw(String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The missing-role 403 was captured as NUL bytes [S2]; how many is not known. */
    private static final int NUL_BODY_LENGTH = 512;

    static InvokeAnswer json(int status, Object body) {
        return new InvokeAnswer(status, Map.of(), body);
    }

    static InvokeAnswer error(CmdletException failure, ErrorShape shape) {
        return json(failure.httpStatus(), ExchangeErrorBody.of(failure, shape));
    }

    /** In the envelope the tenant answers with. */
    static InvokeAnswer error(SimulatedTenant tenant, CmdletException failure) {
        return error(failure, tenant.errorShape());
    }

    /** The front end answers 503 and 504 itself, as HTML, before any cmdlet runs: a client must not expect JSON here. */
    static InvokeAnswer frontEndPage(int status, String reason) {
        return raw(status, "text/html; charset=utf-8", "<html><head><title>" + status + " " + reason + "</title></head><body><h1>"
                + status + " " + reason + "</h1><p>The service is temporarily unable to handle the request.</p></body></html>");
    }

    /**
     * The per-tenant concurrency refusal, read by clients as raw text, not JSON [S9]. Its first sentence is what
     * clients match; the status (429 here) is not documented, clients retry on the text whatever the status.
     */
    static InvokeAnswer concurrencyRefusal() {
        return raw(429, "text/plain; charset=utf-8",
                "You have reached the maximum number of concurrent requests per tenant. Please wait and try again.");
    }

    /** An app whose service principal holds no Exchange role gets 403 and a body of NUL bytes [S2]: nothing to read. */
    static InvokeAnswer missingRole() {
        return new InvokeAnswer(403, Map.of(), new Raw("application/json; charset=utf-8", new byte[NUL_BODY_LENGTH]));
    }

    private static InvokeAnswer raw(int status, String contentType, String text) {
        return new InvokeAnswer(status, Map.of(), new Raw(contentType, text.getBytes(StandardCharsets.UTF_8)));
    }
}
