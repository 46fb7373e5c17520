package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.FilterHolder;
import dev.pronto.servlet.request.AsyncSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * One pass through a target's filters and then its servlet, with async support narrowed to what the chain allows.
 * One per dispatch; used by one thread at a time.
 */
final class FilterChainImpl implements FilterChain {

    private final RequestTarget target;
    private int position;
    private boolean scoped;

    private FilterChainImpl(RequestTarget target) {
        this.target = target;
    }

    /** Runs {@code target}'s filters and servlet; a target without filters needs no chain object. */
    static void run(RequestTarget target, ServletRequest request, ServletResponse response)
            throws IOException, ServletException {
        if (target.filters().length > 0) {
            new FilterChainImpl(target).doFilter(request, response);
            return;
        }
        AsyncSupport async = target.asyncSupported() ? null : RequestDispatcherImpl.unwrap(request).async();
        if (async == null) {
            target.servlet().service(request, response);
            return;
        }
        boolean previous = async.asyncSupported(false); // §2.3.3.3, as doFilterWithoutAsync
        try {
            target.servlet().service(request, response);
        } finally {
            async.asyncSupported(previous);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        if (position == 0 && !target.asyncSupported() && !scoped) {
            doFilterWithoutAsync(request, response);
            return;
        }
        FilterHolder[] filters = target.filters();
        if (position < filters.length) {
            FilterHolder next = filters[position++];
            next.filter().doFilter(request, response, this);
            return;
        }
        target.servlet().service(request, response);
    }

    /** Servlet 6.1 §2.3.3.3: within a filter or servlet that does not support async, startAsync must fail. */
    private void doFilterWithoutAsync(ServletRequest request, ServletResponse response)
            throws IOException, ServletException {
        scoped = true;
        AsyncSupport async = RequestDispatcherImpl.unwrap(request).async();
        if (async == null) {
            doFilter(request, response);
            return;
        }
        boolean previous = async.asyncSupported(false);
        try {
            doFilter(request, response);
        } finally {
            async.asyncSupported(previous);
        }
    }
}
