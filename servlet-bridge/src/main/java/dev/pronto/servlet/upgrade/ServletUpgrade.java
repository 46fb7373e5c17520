package dev.pronto.servlet.upgrade;

import dev.pronto.container.HttpExchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Executor;

/**
 * One {@code HttpServletRequest.upgrade} call (Servlet 6.1 §2.3.3.5): creates the handler when called, and when the
 * request's service ends sends the 101 and hands the connection to the handler. Request thread.
 */
public final class ServletUpgrade {

    private final HttpExchange exchange;
    private final HttpUpgradeHandler handler;

    private ServletUpgrade(HttpExchange exchange, HttpUpgradeHandler handler) {
        this.exchange = exchange;
        this.handler = handler;
    }

    /**
     * Creates the handler (public no-arg constructor) for a request that asked to upgrade.
     *
     * @throws IllegalStateException when the request has no {@code Upgrade} field or a body, or the response is
     *                               already committed
     */
    public static ServletUpgrade begin(HttpExchange exchange, Class<? extends HttpUpgradeHandler> handlerClass)
            throws ServletException {
        if (!exchange.requestHeaders().contains(HttpHeaderNames.UPGRADE)) {
            throw new IllegalStateException("HttpServletRequest.upgrade: the request has no Upgrade header field");
        }
        if (exchange.isCommitted()) {
            throw new IllegalStateException("HttpServletRequest.upgrade: the response is already committed");
        }
        try {
            return new ServletUpgrade(exchange, handlerClass.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new ServletException("Cannot create " + handlerClass.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Cannot create " + handlerClass.getName()
                    + " (needs a public no-arg constructor)", e);
        }
    }

    public HttpUpgradeHandler handler() {
        return handler;
    }

    /**
     * The service method returned: sends {@code 101} with the headers the application set and switches the
     * connection; {@code workers} runs the handler's callbacks (never the event loop).
     */
    public void complete(Executor workers, ClassLoader loader) {
        if (handler instanceof ProtocolUpgradeHandler direct) {
            exchange.upgrade(new DestroyOnClose(direct.protocol(), direct));
            return;
        }
        exchange.upgrade(new WebConnectionImpl(handler, new SerialExecutor(workers), loader));
    }
}
