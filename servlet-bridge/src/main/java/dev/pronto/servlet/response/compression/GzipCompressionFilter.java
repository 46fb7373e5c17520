package dev.pronto.servlet.response.compression;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gzip-codes eligible responses (see {@link Compression}) by wrapping the response for the REQUEST and ERROR
 * dispatches; an async request's body is finished by its last ASYNC dispatch, or when the async cycle completes.
 * Stateless and thread-safe; each request's wrapper is used by one thread at a time.
 */
public final class GzipCompressionFilter implements Filter {

    private static final String WRAPPER = GzipCompressionFilter.class.getName() + ".response";

    private final Compression compression;

    public GzipCompressionFilter(Compression compression) {
        this.compression = compression;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            onAsyncDispatch(http, httpResponse, chain);
            return;
        }
        GzipResponseWrapper wrapper = new GzipResponseWrapper(http, httpResponse, compression);
        request.setAttribute(WRAPPER, wrapper);
        run(http, wrapper, chain, wrapper);
    }

    /** Servlet 6.1 §2.3.3.3: an ASYNC dispatch writes through the response given to startAsync, normally ours. */
    private void onAsyncDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object held = request.getAttribute(WRAPPER);
        if (!(held instanceof GzipResponseWrapper wrapper)) {
            chain.doFilter(request, response);
            return;
        }
        boolean ours = response == wrapper
                || response instanceof ServletResponseWrapper outer && outer.isWrapperFor(wrapper);
        run(request, ours ? response : wrapper, chain, wrapper);
    }

    private static void run(HttpServletRequest request, ServletResponse response, FilterChain chain,
                            GzipResponseWrapper wrapper) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            wrapper.abandon(); // the container's error page must not inherit a half-written gzip body
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new FinishOnComplete(wrapper));
            return;
        }
        request.removeAttribute(WRAPPER);
        wrapper.finish();
    }

    /** Ends a body whose async cycle completed without a dispatch back through the filter. */
    private record FinishOnComplete(GzipResponseWrapper wrapper) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            wrapper.finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            wrapper.abandon();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new cycle: the dispatch that started it registers a listener again when it returns
        }
    }
}
