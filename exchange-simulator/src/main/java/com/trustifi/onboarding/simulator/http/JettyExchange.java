package com.trustifi.onboarding.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty request and response as the JDK's {@link HttpExchange}, the API the simulator's endpoints are written
 * against, so that they are served over HTTP/2 as well. Blocking, like the JDK's server: Jetty calls the endpoint
 * on a thread of its pool.
 */
final class JettyExchange extends HttpExchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final InputStream requestBody;
    private final OutputStream responseBody;
    private int responseCode = -1;

    JettyExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        request.getHeaders().forEach(field -> requestHeaders.add(field.getName(), field.getValue()));
        this.requestBody = Content.Source.asInputStream(request);
        this.responseBody = Content.Sink.asOutputStream(response);
    }

    Request request() {
        return request;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    /** As the JDK's server gives it: the path and query as the client sent them, without scheme or host. */
    @Override
    public URI getRequestURI() {
        return URI.create(request.getHttpURI().getPathQuery());
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("the simulator's endpoints are routed by path, without contexts");
    }

    /**
     * Completes the exchange: what the endpoint wrote goes out, and the stream (or connection) is free again. An
     * exchange closed before any answer was begun fails, and Jetty answers 500 where it still can: never a 200 with
     * nothing in it.
     */
    @Override
    public void close() {
        if (responseCode == -1) {
            callback.failed(new IllegalStateException("closed without an answer"));
            return;
        }
        try {
            requestBody.close();
            responseBody.close();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    /** As in the JDK's server: a length of -1 means no body, 0 a body of unknown length. */
    @Override
    public void sendResponseHeaders(int code, long length) {
        if (responseCode != -1) {
            throw new IllegalStateException("response headers already sent");
        }
        responseCode = code;
        response.setStatus(code);
        responseHeaders.forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        if (length != 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Math.max(0, length));
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the simulator has no filters");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : null;
    }
}
