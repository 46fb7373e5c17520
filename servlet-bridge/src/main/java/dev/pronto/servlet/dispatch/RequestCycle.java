package dev.pronto.servlet.dispatch;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.RequestBodyException;
import dev.pronto.servlet.accesslog.AccessLog;
import dev.pronto.servlet.async.AsyncContextImpl;
import dev.pronto.servlet.context.ClassLoaderSwap;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.multipart.MultipartSizeException;
import dev.pronto.servlet.request.HttpServletRequestImpl;
import dev.pronto.servlet.request.SecuredHttpServletRequest;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import dev.pronto.servlet.upgrade.ServletUpgrade;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's life in a web application: request listeners, the REQUEST dispatch through filters and servlet,
 * error pages, and completing the response. Runs on a worker thread, or inline on the event loop for a
 * non-blocking servlet; an async request is then ended by its {@link AsyncContextImpl} on a container thread.
 */
final class RequestCycle {

    private static final Logger log = LoggerFactory.getLogger(RequestCycle.class);

    final Deployment deployment;
    final HttpServletRequestImpl request;
    final HttpServletResponseImpl response;
    private final String pathInContext;
    /** When the request arrived ({@code System.nanoTime}), for the access log; 0 when it is off (no clock read). */
    private final long startNanos;

    RequestCycle(Deployment deployment, HttpExchange exchange, String requestURI, String query, String pathInContext) {
        this.deployment = deployment;
        this.pathInContext = pathInContext;
        this.startNanos = deployment.accessLog != null ? System.nanoTime() : 0;
        WebApplication app = deployment.app;
        this.request = deployment.security == null ? new HttpServletRequestImpl(exchange, app, requestURI, query)
                : new SecuredHttpServletRequest(exchange, app, requestURI, query, deployment.security);
        this.response = new HttpServletResponseImpl(exchange, request, app.context().getResponseCharacterEncoding(),
                app.responseBufferSize(), app.blockingTimeoutMillis(), app.localeCharsets(), app.useRelativeRedirects());
        request.response(response);
    }

    /**
     * Runs the request through {@code target} ({@code null}: nothing mapped, so 404). When the chain started async
     * (Servlet 6.1 §2.3.3.3) the async context ends the request instead, now or later.
     */
    void run(RequestTarget target) {
        if (response.exchange().isEnded()) {
            // The engine answered before the application's turn came (a framing error in the same read): such a
            // request never reaches the application.
            log.debug("Request {} was answered by the engine; not running it", request);
            return;
        }
        // request listeners and error pages run with the application's loader too, not only the chain
        ClassLoader previous = ClassLoaderSwap.enter(deployment.app.classLoader());
        try {
            runInApplication(target);
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    private void runInApplication(RequestTarget target) {
        AsyncContextImpl async = target != null && target.asyncSupported() ? CycleAsyncHost.attach(this, target)
                : null;
        List<ServletRequestListener> listeners = deployment.app.listeners().request;
        try {
            RequestedSessionTouch.touch(response.exchange(), deployment.app, request);
            if (!listeners.isEmpty()) {
                ServletRequestEvent event = new ServletRequestEvent(deployment.app.context(), request);
                listeners.forEach(l -> l.requestInitialized(event));
            }
            HttpServletRequest admitted = deployment.security == null ? request : admit(target);
            if (admitted == null) {
                log.trace("{} answered by the security check", request);
            } else if (target == null) {
                response.sendError(404);
            } else {
                invoke(target, admitted);
            }
        } catch (Throwable t) {
            if (async == null || !async.handleFailure(t)) {
                deployment.errors.onException(this, t);
            }
        }
        if (async != null) {
            async.dispatchReturned();
            return;
        }
        complete();
        requestDestroyed();
    }

    /** The request leaves the application: {@code requestDestroyed} in reverse registration order. */
    void requestDestroyed() {
        List<ServletRequestListener> listeners = deployment.app.listeners().request;
        if (listeners.isEmpty()) {
            return;
        }
        ServletRequestEvent event = new ServletRequestEvent(deployment.app.context(), request);
        ClassLoader previous = ClassLoaderSwap.enter(deployment.app.classLoader()); // also when an async request ends elsewhere
        try {
            for (int i = listeners.size() - 1; i >= 0; i--) {
                listeners.get(i).requestDestroyed(event);
            }
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    /**
     * Servlet 6.1 §13.8.3: the constraints are checked before the filter chain of a REQUEST dispatch only; null
     * when the check answered the request, else the request to run (FORM may replay a saved one).
     */
    private HttpServletRequest admit(RequestTarget target) throws Exception {
        if (target != null) {
            request.paths(target.mapping().servletPath(), target.mapping().pathInfo(), target.mapping().mapping());
        }
        return deployment.security.admit(request, request.security(), response, pathInContext);
    }

    private void invoke(RequestTarget target, HttpServletRequest admitted) throws Exception {
        request.paths(target.mapping().servletPath(), target.mapping().pathInfo(), target.mapping().mapping());
        request.dispatcherType(DispatcherType.REQUEST);
        FilterChainImpl.run(target, admitted, response);
    }

    /** Renders a pending {@code sendError} and ends the response. */
    void complete() {
        try {
            if (response.isErrorPending()) {
                deployment.errors.onSendError(this);
            }
            SessionCommit.commit(this);
            ServletUpgrade upgrade = request.pendingUpgrade();
            if (upgrade != null && !response.isCommitted()) {
                response.resetBuffer(); // Servlet 6.1 §2.3.3.5: after the 101 the bytes are the new protocol's
                upgrade.complete(deployment.executor::execute, deployment.app.classLoader());
                return;
            }
            response.finish();
        } catch (IOException | RuntimeException e) {
            log.debug("Could not complete {}: {}", request, e.toString());
            response.exchange().abort();
        } finally {
            logAccess();
            releaseRequest();
        }
    }

    /** The response is complete: one access-log line, formatted here and written by the log's own thread. */
    private void logAccess() {
        AccessLog accessLog = deployment.accessLog;
        if (accessLog != null) {
            long elapsed = System.nanoTime() - startNanos;
            long startMillis = System.currentTimeMillis() - elapsed / 1_000_000;
            accessLog.log(new ServletAccessLogEntry(request, response, startMillis, elapsed));
        }
    }

    /** The request ended: its multipart temporary files go (Servlet 6.1 §3.2). */
    private void releaseRequest() {
        try {
            request.release();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not release {}: {}", request, e.toString());
        }
    }

    String pathInContext() {
        return pathInContext;
    }

    /** True when the failure is the client's doing (gone, or a bad body), not worth an error log. */
    static boolean isClientFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RequestBodyException || c instanceof java.nio.channels.ClosedChannelException
                    || c instanceof java.net.SocketTimeoutException || c instanceof MultipartSizeException) {
                return true;
            }
        }
        return false;
    }
}
