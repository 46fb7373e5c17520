package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.FilterHolder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** One pass through a target's filters and then its servlet. One per dispatch; used by one thread at a time. */
final class FilterChainImpl implements FilterChain {

    private final RequestTarget target;
    private int position;

    FilterChainImpl(RequestTarget target) {
        this.target = target;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        FilterHolder[] filters = target.filters();
        if (position < filters.length) {
            FilterHolder next = filters[position++];
            next.filter().doFilter(request, response, this);
            return;
        }
        target.servlet().servlet().service(request, response);
    }
}
