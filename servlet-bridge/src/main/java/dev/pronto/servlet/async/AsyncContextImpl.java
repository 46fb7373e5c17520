package dev.pronto.servlet.async;

import dev.pronto.servlet.async.AsyncStateMachine.Action;
import dev.pronto.servlet.async.AsyncStateMachine.Event;
import dev.pronto.servlet.context.ClassLoaderSwap;
import dev.pronto.servlet.request.AsyncSupport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AsyncContext} of one request (Servlet 6.1 §2.3.3.3) and the request's async support; one per request whose
 * chain supports async, cheap until startAsync. Any thread may call it; the container work it causes (dispatches,
 * listener events, ReadListener/WriteListener calls) runs one at a time on the request's container thread.
 */
public final class AsyncContextImpl implements AsyncContext, AsyncSupport {

    private static final Logger log = LoggerFactory.getLogger(AsyncContextImpl.class);

    /** @param parameters what {@code dispatch()} replays of the parameters at {@code startAsync}; null: the path's */
    private record DispatchTarget(String path, Object parameters, ServletRequest request, ServletResponse response) {
    }

    private final AsyncHost host;
    private final AsyncStateMachine machine;
    /** Created by the first startAsync, like {@link #serializer}: a request that never starts async pays nothing. */
    private volatile AsyncListeners listeners;
    private volatile boolean supported = true;
    private volatile CallbackSerializer serializer;
    private volatile ServletRequest request;
    private volatile ServletResponse response;
    private volatile boolean original;
    /** Where {@code dispatch()} goes when startAsync was given a request: its path at that time (§2.3.3.3). */
    private volatile String startPath;
    private volatile Object startParameters;
    /** The context-relative path of the last container dispatch, without query. */
    private volatile String lastPath;
    /** Guarded by {@link #machine}: set with the DISPATCH event, taken when the dispatch runs. */
    private DispatchTarget pending;

    /** @param timeoutMillis the application's default async timeout ({@code <= 0}: none) */
    public AsyncContextImpl(AsyncHost host, long timeoutMillis) {
        this.host = host;
        this.machine = new AsyncStateMachine(host.exchange().eventLoop(), this::schedule, timeoutMillis);
        this.lastPath = host.requestPath();
    }

    // ---- hooks for the dispatch layer -------------------------------------------------------------------------

    /**
     * An exception escaped the running container dispatch. True if it was recorded for the async life cycle (onError,
     * then an error page); false if async was not started, so the caller handles it as for a synchronous request.
     */
    public boolean handleFailure(Throwable failure) {
        return machine.failed(failure);
    }

    /**
     * The REQUEST dispatch returned: completes the request now, or runs what was deferred, or leaves it waiting for
     * the application. On the thread that ran the dispatch.
     */
    public void dispatchReturned() {
        try {
            advance(machine.on(Event.RETURNED));
        } finally {
            CallbackSerializer callbacks = serializer;
            if (callbacks != null) {
                callbacks.release(); // else the callbacks queued meanwhile would never run
            }
        }
    }

    // ---- AsyncSupport ------------------------------------------------------------------------------------------

    @Override
    public boolean isAsyncSupported() {
        return supported;
    }

    @Override
    public boolean asyncSupported(boolean supported) {
        boolean previous = this.supported;
        this.supported = supported;
        return previous;
    }

    @Override
    public boolean isAsyncStarted() {
        return machine.isAsyncStarted();
    }

    @Override
    public AsyncContext startAsync() {
        return start(host.request(), host.response(), null);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        // §2.3.3.3: dispatch() then goes to this request's path as it is now (e.g. a forward's target)
        String path = request instanceof HttpServletRequest http ? pathInContext(http) : null;
        return start(request, response, path);
    }

    @Override
    public AsyncContext asyncContext() {
        return isAsyncStarted() ? this : null;
    }

    @Override
    public Executor listenerExecutor() {
        return isAsyncStarted() ? serializer : null;
    }

    private AsyncContext start(ServletRequest request, ServletResponse response, String path) {
        if (!supported) {
            throw new IllegalStateException("startAsync: a filter or servlet of this dispatch does not support async"
                    + " (Servlet 6.1 §2.3.3.3)");
        }
        if (host.exchange().isEnded()) {
            throw new IllegalStateException("startAsync: the response is already complete");
        }
        machine.on(Event.START_ASYNC);
        if (serializer == null) {
            listeners = new AsyncListeners();
            serializer = new CallbackSerializer(host.callbackThread(), host.classLoader());
            host.exchange().onClose(this::onClientGone);
        }
        this.request = request;
        this.response = response;
        this.startPath = path;
        // startAsync(req, res) after a forward: dispatch() returns to the target with the forward's parameters
        this.startParameters = path == null ? null : host.parameterState();
        this.original = request == host.request() && response == host.response();
        listeners.fireStartAsync(this);
        return this;
    }

    /** The request's path in its context, as {@code dispatch()} must reach it again. */
    private static String pathInContext(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    // ---- AsyncContext ------------------------------------------------------------------------------------------

    @Override
    public ServletRequest getRequest() {
        checkUsable("getRequest");
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        checkUsable("getResponse");
        return response;
    }

    private void checkUsable(String call) {
        if (request == null || machine.state() == AsyncStateMachine.State.COMPLETED) {
            throw new IllegalStateException("AsyncContext." + call + ": the async request is complete");
        }
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return original;
    }

    /** To the path startAsync was given, else to where the container last dispatched (Servlet 6.1 §2.3.3.3). */
    @Override
    public void dispatch() {
        String path = startPath;
        dispatchTo(path != null ? path : lastPath, startParameters);
    }

    @Override
    public void dispatch(String path) {
        dispatchTo(Objects.requireNonNull(path, "path"), null);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        if (context != host.request().getServletContext()) {
            throw new UnsupportedOperationException("AsyncContext.dispatch(ServletContext, String): dispatching to"
                    + " another web application is not supported");
        }
        dispatch(path);
    }

    private void dispatchTo(String path, Object parameters) {
        Action action;
        synchronized (machine) {
            action = machine.on(Event.DISPATCH);
            pending = new DispatchTarget(path, parameters, request, response);
        }
        schedule(action);
    }

    @Override
    public void complete() {
        schedule(machine.on(Event.COMPLETE));
    }

    /** Runs {@code run} on a worker thread, with the application's class loader; not serialized with callbacks. */
    @Override
    public void start(Runnable run) {
        Objects.requireNonNull(run, "run");
        ClassLoader loader = host.classLoader();
        host.workers().execute(() -> {
            ClassLoader previous = ClassLoaderSwap.enter(loader);
            try {
                run.run();
            } catch (RuntimeException | Error e) {
                log.error("AsyncContext.start task failed for {}", host.request(), e);
            } finally {
                ClassLoaderSwap.exit(previous);
            }
        });
    }

    @Override
    public void addListener(AsyncListener listener) {
        register(listener, null, null);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        register(listener, Objects.requireNonNull(request, "request"), Objects.requireNonNull(response, "response"));
    }

    private void register(AsyncListener listener, ServletRequest request, ServletResponse response) {
        Objects.requireNonNull(listener, "listener");
        if (!machine.isStartingDispatch()) {
            throw new IllegalStateException("AsyncContext.addListener: only before the dispatch that called"
                    + " startAsync returns (Servlet 6.1 §2.3.3.3)");
        }
        listeners.add(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ServletException("Cannot create AsyncListener " + type.getName(), e);
        }
    }

    @Override
    public void setTimeout(long timeoutMillis) {
        if (!machine.isStartingDispatch()) {
            throw new IllegalStateException("AsyncContext.setTimeout: only before the dispatch that called"
                    + " startAsync returns (Servlet 6.1 §2.3.3.3)");
        }
        machine.timeoutMillis(timeoutMillis);
    }

    @Override
    public long getTimeout() {
        return machine.timeoutMillis();
    }

    // ---- running the life cycle ----------------------------------------------------------------------------------

    /** Runs {@code action} through the serializer; for events from application threads, timers and the engine. */
    private void schedule(Action action) {
        if (action != Action.NONE) {
            serializer.execute(() -> advance(action));
        }
    }

    /**
     * On the event loop when the connection closes. One task later, so that the ReadListener/WriteListener errors the
     * close causes are queued first: they hear of it before the AsyncListeners' onError and the completion.
     */
    private void onClientGone() {
        log.debug("Client of async request {} went away", host.request());
        host.exchange().eventLoop().execute(() -> schedule(machine.on(Event.CLIENT_GONE)));
    }

    /** Runs container work until the request waits for the application or is complete. Serialized, container thread. */
    private void advance(Action first) {
        Action action = first;
        while (action != Action.NONE) {
            action = run(action);
        }
    }

    private Action run(Action action) {
        switch (action) {
            case RUN_DISPATCH:
                return runDispatch();
            case FIRE_TIMEOUT:
                listeners.fireTimeout(this);
                return machine.on(Event.RETURNED);
            case FIRE_ERROR:
                Throwable error = machine.reported();
                listeners.fireError(this, error != null ? error
                        : new IOException("The client closed the connection"));
                return machine.on(Event.RETURNED);
            case RUN_ERROR_PAGE:
                host.errorPage(machine.reported());
                return machine.on(Event.RETURNED);
            case RUN_COMPLETE:
                finish();
                return Action.NONE;
            default:
                return Action.NONE;
        }
    }

    private Action runDispatch() {
        DispatchTarget target;
        synchronized (machine) {
            target = pending;
            pending = null;
        }
        HttpServletRequest base = host.request();
        if (base.getAttribute(ASYNC_REQUEST_URI) == null) {
            describeOriginal(base);
        }
        int query = target.path().indexOf('?');
        lastPath = query < 0 ? target.path() : target.path().substring(0, query);
        try {
            host.dispatch(target.path(), target.parameters(), target.request(), target.response());
        } catch (Throwable t) {
            if (!machine.failed(t)) {
                host.errorPage(t);
            }
        }
        return machine.on(Event.RETURNED);
    }

    /** Servlet 6.1 §9.7.2: the target of an async dispatch sees the original request's path elements. */
    private static void describeOriginal(HttpServletRequest base) {
        base.setAttribute(ASYNC_REQUEST_URI, base.getRequestURI());
        base.setAttribute(ASYNC_CONTEXT_PATH, base.getContextPath());
        base.setAttribute(ASYNC_SERVLET_PATH, base.getServletPath());
        setIfNotNull(base, ASYNC_PATH_INFO, base.getPathInfo());
        setIfNotNull(base, ASYNC_QUERY_STRING, base.getQueryString());
        setIfNotNull(base, ASYNC_MAPPING, base.getHttpServletMapping());
    }

    private static void setIfNotNull(HttpServletRequest request, String name, Object value) {
        if (value != null) {
            request.setAttribute(name, value);
        }
    }

    /** Ends the response, then onComplete, then requestDestroyed; nothing of this request runs afterwards. */
    private void finish() {
        try {
            host.finishResponse();
        } finally {
            CallbackSerializer callbacks = serializer;
            if (callbacks != null) { // async was started at some point
                listeners.fireComplete(this);
            }
            machine.on(Event.COMPLETED);
            if (callbacks != null) {
                callbacks.close();
            }
            host.requestEnded();
        }
    }

    @Override
    public String toString() {
        return "AsyncContext[" + host.request() + ' ' + machine.state() + ']';
    }
}
