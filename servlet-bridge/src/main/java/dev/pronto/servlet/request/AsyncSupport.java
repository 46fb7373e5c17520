package dev.pronto.servlet.request;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.concurrent.Executor;

/**
 * What the async layer offers the request: the spec's async entry points, implemented in {@code async/}. Called by
 * the thread running the request.
 */
public interface AsyncSupport {
    boolean isAsyncSupported();

    /** Narrows (or restores) async support for the chain now running; returns the previous value. */
    boolean asyncSupported(boolean supported);

    boolean isAsyncStarted();

    AsyncContext startAsync();

    AsyncContext startAsync(ServletRequest request, ServletResponse response);

    AsyncContext asyncContext();

    /** Runs ReadListener/WriteListener callbacks one at a time on a container thread; null unless async started. */
    Executor listenerExecutor();
}
