package dev.pronto.servlet.dispatch;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.context.WebApplication;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;

/**
 * Servlet 6.1 §7.6: a session is accessed "when a request that is part of the session is first handled by the
 * container", whether or not the application asks for it — so a static file fetched with the session cookie keeps the
 * session alive and moves {@code getLastAccessedTime}. Looks the session up once at the start of a REQUEST dispatch,
 * only when the request can name one (the session cookie's name in a {@code Cookie} header, or a {@code ;jsessionid=}
 * in the target): a request without either pays one header lookup and allocates nothing. Stateless; called on the
 * request's thread.
 */
final class RequestedSessionTouch {

    private RequestedSessionTouch() {
    }

    static void touch(HttpExchange exchange, WebApplication app, HttpServletRequest request) {
        if (namesSession(exchange, app)) {
            request.getSession(false); // joins and accesses the requested session if it is valid
        }
    }

    private static boolean namesSession(HttpExchange exchange, WebApplication app) {
        HttpHeaders headers = exchange.requestHeaders();
        if (app.context().tracksSessionsByCookie() && headers.contains(HttpHeaderNames.COOKIE)) {
            // contains() first: a request without cookies allocates nothing here
            Iterator<String> cookies = headers.valueStringIterator(HttpHeaderNames.COOKIE);
            while (cookies.hasNext()) {
                if (cookies.next().contains(app.sessionCookieConfig().getName())) {
                    return true;
                }
            }
        }
        return app.context().tracksSessionsByUrl() && exchange.target().contains(";jsessionid=");
    }
}
