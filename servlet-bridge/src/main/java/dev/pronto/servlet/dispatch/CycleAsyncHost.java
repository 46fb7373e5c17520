package dev.pronto.servlet.dispatch;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.async.AsyncContextImpl;
import dev.pronto.servlet.async.AsyncHost;
import dev.pronto.servlet.context.ClassLoaderSwap;
import dev.pronto.servlet.request.HttpServletRequestImpl;
import dev.pronto.servlet.worker.RequestExecutor;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * A {@link RequestCycle} as the host of its request's async context: ASYNC dispatches, error pages, ending. Its
 * callbacks run where the REQUEST ran: inline on the event loop for a servlet declared non-blocking, else on the
 * {@link RequestExecutor}. Methods run on the calling container thread.
 */
final class CycleAsyncHost implements AsyncHost {

    private final RequestCycle cycle;
    private final Executor workers;
    private final boolean inline;

    private CycleAsyncHost(RequestCycle cycle, boolean inline) {
        this.cycle = cycle;
        this.workers = cycle.deployment.executor::execute;
        this.inline = inline;
    }

    /** Gives the cycle's request async support for a target whose whole chain supports it. */
    static AsyncContextImpl attach(RequestCycle cycle, RequestTarget target) {
        AsyncContextImpl async = new AsyncContextImpl(new CycleAsyncHost(cycle, target.inline()),
                cycle.deployment.app.asyncTimeoutMillis());
        cycle.request.async(async);
        cycle.response.listenerExecutor(async::listenerExecutor);
        return async;
    }

    @Override
    public HttpServletRequest request() {
        return cycle.request;
    }

    @Override
    public HttpServletResponse response() {
        return cycle.response;
    }

    @Override
    public HttpExchange exchange() {
        return cycle.response.exchange();
    }

    @Override
    public String requestPath() {
        return cycle.pathInContext();
    }

    @Override
    public Executor callbackThread() {
        return inline ? exchange().eventLoop() : workers;
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public ClassLoader classLoader() {
        return cycle.deployment.app.classLoader();
    }

    @Override
    public Object parameterState() {
        return cycle.request.saveState();
    }

    @Override
    public void dispatch(String path, Object parameters, ServletRequest request, ServletResponse response)
            throws Exception {
        RequestDispatcherImpl dispatcher = (RequestDispatcherImpl) cycle.deployment.forPath(path);
        ClassLoader previous = ClassLoaderSwap.enter(classLoader());
        try {
            dispatcher.async(cycle.request, (HttpServletRequestImpl.DispatchState) parameters, request, response);
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    @Override
    public void errorPage(Throwable failure) {
        if (failure != null) {
            cycle.deployment.errors.onException(cycle, failure);
            return;
        }
        if (cycle.response.isCommitted()) {
            return; // the status line is gone: completing is all that is left
        }
        try {
            cycle.response.sendError(500);
        } catch (IOException | IllegalStateException e) {
            return;
        }
        cycle.deployment.errors.onSendError(cycle);
    }

    @Override
    public void finishResponse() {
        cycle.complete();
    }

    @Override
    public void requestEnded() {
        cycle.requestDestroyed();
    }
}
