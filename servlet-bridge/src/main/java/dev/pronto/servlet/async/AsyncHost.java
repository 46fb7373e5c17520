package dev.pronto.servlet.async;

import dev.pronto.container.HttpExchange;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Executor;

/**
 * What an {@link AsyncContextImpl} needs from the container around its request: dispatching, error pages, ending the
 * response and the request, and the threads to run them on. Implemented by the dispatch layer; the action methods
 * are called on a container thread, one at a time per request.
 */
public interface AsyncHost {

    /** The container's own request (not a wrapper). */
    HttpServletRequest request();

    /** The container's own response (not a wrapper). */
    HttpServletResponse response();

    HttpExchange exchange();

    /** The context-relative path the REQUEST dispatch went to: where {@code dispatch()} goes by default. */
    String requestPath();

    /** Where container callbacks run: the event loop for servlets declared non-blocking, else the worker threads. */
    Executor callbackThread();

    /** The worker threads ({@code AsyncContext.start}). */
    Executor workers();

    /** The application's class loader, set as the context class loader while callbacks run. */
    ClassLoader classLoader();

    /** The parameters as the running dispatch sees them (opaque), for {@code dispatch()} to see them again. */
    Object parameterState();

    /**
     * Runs an ASYNC dispatch to a context-relative {@code path} (which may carry a query) through filters and
     * servlet; {@code parameters} from {@link #parameterState()} replaces what the path's query would merge.
     */
    void dispatch(String path, Object parameters, ServletRequest request, ServletResponse response) throws Exception;

    /** An ERROR dispatch (Servlet 6.1 §10.9) for {@code failure}, or with status 500 when it is {@code null} (timeout). */
    void errorPage(Throwable failure);

    /** Renders a pending {@code sendError} and ends the response. */
    void finishResponse();

    /** The request leaves the application: {@code ServletRequestListener.requestDestroyed}. */
    void requestEnded();
}
