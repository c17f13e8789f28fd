package com.trustifi.onboarding.simulator.http;

import com.sun.net.httpserver.HttpHandler;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The simulator's endpoints by path, served by Jetty. A path goes to the endpoint mounted at its longest matching
 * prefix of whole segments ({@code /admin} serves {@code /admin/tenants}, not {@code /adminapi}); {@code /} serves
 * the rest. Each endpoint is wrapped in a {@link FailSafeHandler}.
 */
public final class Endpoints extends Handler.Abstract {

    private final Map<String, HttpHandler> byPrefix = new LinkedHashMap<>();
    private final JsonWire json;

    public Endpoints(JsonWire json) {
        this.json = json;
    }

    /** Mounts {@code handler} at {@code prefix} ("/" or a path without a trailing slash); before the server starts. */
    public Endpoints mount(String prefix, HttpHandler handler) {
        byPrefix.put(prefix, new FailSafeHandler(handler, json));
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        HttpHandler handler = byPrefix.entrySet().stream()
                .filter(mount -> covers(mount.getKey(), path))
                .max(Comparator.comparingInt(mount -> mount.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
        if (handler == null) {
            return false;
        }
        handler.handle(new JettyExchange(request, response, callback));
        return true;
    }

    private static boolean covers(String prefix, String path) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
