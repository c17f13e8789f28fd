package com.trustifi.onboarding.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Map;

/**
 * Turns an unexpected exception into a 500 JSON answer and always closes the exchange, so one bad request
 * can neither hang a client nor leak a connection of the shared pool.
 */
public final class FailSafeHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(FailSafeHandler.class.getName());

    private final HttpHandler delegate;
    private final JsonWire json;

    public FailSafeHandler(HttpHandler delegate, JsonWire json) {
        this.delegate = delegate;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            delegate.handle(exchange);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "request " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
            answerInternalError(exchange, e);
        } finally {
            // after the 500, not before: closing sends what the exchange has
            exchange.close();
        }
    }

    private void answerInternalError(HttpExchange exchange, Exception e) {
        // Headers may already be on the wire; then the client only sees a cut response, which is the truth.
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            json.send(exchange, 500, Map.of("error", Map.of("code", "InternalServerError",
                    "message", String.valueOf(e.getMessage()))));
        } catch (IOException ignored) {
            // The client is gone; nothing left to tell it.
        }
    }
}
