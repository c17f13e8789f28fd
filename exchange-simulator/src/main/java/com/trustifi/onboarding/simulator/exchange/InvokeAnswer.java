package com.trustifi.onboarding.simulator.exchange;

import java.util.Map;

/**
 * What one InvokeCommand call (or $batch sub-request) answers.
 *
 * @param status  HTTP status
 * @param headers extra response headers, e.g. Retry-After
 * @param body    a JSON-serializable map, or a String for the HTML pages Microsoft's front end sends on 503/504
 */
record InvokeAnswer(int status, Map<String, String> headers, Object body) {

    static InvokeAnswer json(int status, Object body) {
        return new InvokeAnswer(status, Map.of(), body);
    }

    static InvokeAnswer error(CmdletException failure) {
        return json(failure.httpStatus(), ExchangeErrorBody.of(failure));
    }

    /** The front end answers 503 and 504 itself, as HTML, before any cmdlet runs: a client must not expect JSON here. */
    static InvokeAnswer frontEndPage(int status, String reason) {
        return new InvokeAnswer(status, Map.of(), "<html><head><title>" + status + " " + reason + "</title></head><body><h1>"
                + status + " " + reason + "</h1><p>The service is temporarily unable to handle the request.</p></body></html>");
    }
}
