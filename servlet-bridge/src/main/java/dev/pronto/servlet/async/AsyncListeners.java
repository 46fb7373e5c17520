package dev.pronto.servlet.async;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AsyncListeners of one request, each with the request and response it was registered with, and the events
 * sent to them (Servlet 6.1 §2.3.3.3). Thread-safe; events are fired by one container thread at a time.
 */
final class AsyncListeners {

    private static final Logger log = LoggerFactory.getLogger(AsyncListeners.class);

    private record Registration(AsyncListener listener, ServletRequest request, ServletResponse response) {
    }

    @FunctionalInterface
    private interface Call {
        void on(AsyncListener listener, AsyncEvent event) throws IOException;
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** {@code request}/{@code response} are {@code null} for {@code addListener(listener)}: events then carry none. */
    void add(AsyncListener listener, ServletRequest request, ServletResponse response) {
        registrations.add(new Registration(listener, request, response));
    }

    /** A new async cycle starts: the listeners are told and forgotten; those that want more register again. */
    void fireStartAsync(AsyncContext context) {
        if (registrations.isEmpty()) {
            return;
        }
        List<Registration> previous = List.copyOf(registrations);
        registrations.clear();
        fire(previous, context, null, AsyncListener::onStartAsync);
    }

    void fireTimeout(AsyncContext context) {
        fire(registrations, context, null, AsyncListener::onTimeout);
    }

    void fireError(AsyncContext context, Throwable error) {
        fire(registrations, context, error, AsyncListener::onError);
    }

    void fireComplete(AsyncContext context) {
        fire(registrations, context, null, AsyncListener::onComplete);
    }

    private static void fire(List<Registration> targets, AsyncContext context, Throwable error, Call call) {
        for (Registration r : targets) {
            AsyncEvent event = r.request() == null ? new AsyncEvent(context, error)
                    : new AsyncEvent(context, r.request(), r.response(), error);
            try {
                call.on(r.listener(), event);
            } catch (IOException | RuntimeException e) {
                log.warn("AsyncListener {} failed", r.listener(), e);
            }
        }
    }
}
