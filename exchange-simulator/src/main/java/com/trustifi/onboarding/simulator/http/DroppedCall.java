package com.trustifi.onboarding.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Ends a call with no answer at all, as a front end that loses a connection does. Over HTTP/2 only the call's stream
 * is reset: the connection carries other tenants' calls, which a real reset of one call does not take down. Over
 * HTTP/1.1 the connection is the call's own, and it is closed.
 */
public final class DroppedCall {

    private DroppedCall() {
    }

    public static void drop(HttpExchange exchange) {
        Request request = ((JettyExchange) exchange).request();
        Connection connection = request.getConnectionMetaData().getConnection();
        if (connection instanceof HTTP2Connection http2) {
            // the request's id is its stream's
            Stream stream = http2.getSession().getStream(Integer.parseInt(request.getId()));
            if (stream != null) {
                stream.reset(new ResetFrame(stream.getId(), ErrorCode.INTERNAL_ERROR.code), Callback.NOOP);
            }
        } else {
            connection.getEndPoint().close();
        }
    }
}
