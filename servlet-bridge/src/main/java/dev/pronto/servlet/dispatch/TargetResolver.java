package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.FilterHolder;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.mapping.FilterMatcher;
import dev.pronto.servlet.mapping.MappingResult;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a path within a context to its {@link RequestTarget} (Servlet 6.1 §12 mapping, §6.2.4 filter order) and
 * caches the answer per dispatcher type, so the chain is not rebuilt per request. Thread-safe.
 */
final class TargetResolver {

    /** Paths beyond this many per dispatcher type are resolved without caching (bounded memory). */
    private static final int MAX_CACHED = 8192;

    private final WebApplication app;
    private final Map<DispatcherType, Map<String, RequestTarget>> caches = new EnumMap<>(DispatcherType.class);

    TargetResolver(WebApplication app) {
        this.app = app;
        for (DispatcherType type : DispatcherType.values()) {
            caches.put(type, new ConcurrentHashMap<>());
        }
    }

    /** The target for a canonical path within the context, or {@code null} when no servlet (not even "/") matches. */
    RequestTarget resolve(DispatcherType type, String path) {
        Map<String, RequestTarget> cache = caches.get(type);
        RequestTarget target = cache.get(path);
        if (target == null) {
            MappingResult<ServletHolder> mapping = app.map(path);
            if (mapping == null) {
                return null;
            }
            target = build(type, path, mapping);
            if (cache.size() < MAX_CACHED) {
                cache.put(path, target);
            }
        }
        return target;
    }

    /** The target for a named servlet (named dispatchers): no path, only servlet-name filter mappings. */
    RequestTarget named(DispatcherType type, MappingResult<ServletHolder> mapping) {
        return build(type, null, mapping);
    }

    private RequestTarget build(DispatcherType type, String path, MappingResult<ServletHolder> mapping) {
        ServletHolder servlet = mapping.target();
        List<FilterHolder> chain = new ArrayList<>();
        List<FilterHolder.Mapping> all = app.filterMappings().all();
        // §6.2.4: URL-pattern mappings first, then servlet-name mappings, each in declaration order.
        if (path != null) {
            for (FilterHolder.Mapping m : all) {
                if (m.appliesTo(type) && matchesPath(m, path)) {
                    chain.add(m.filter());
                }
            }
        }
        for (FilterHolder.Mapping m : all) {
            if (m.appliesTo(type) && matchesServlet(m, servlet.getName())) {
                chain.add(m.filter());
            }
        }
        boolean async = servlet.isAsyncSupported();
        for (FilterHolder filter : chain) {
            async &= filter.isAsyncSupported();
        }
        // a session store that waits on I/O (Redis) may be called by any servlet: none runs on the event loop then
        boolean inline = servlet.isNonBlocking() && !app.sessionStoreBlocks();
        return new RequestTarget(mapping, chain.toArray(new FilterHolder[0]), async, inline);
    }

    private static boolean matchesPath(FilterHolder.Mapping m, String path) {
        for (String pattern : m.urlPatterns()) {
            if (FilterMatcher.patternMatches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesServlet(FilterHolder.Mapping m, String servletName) {
        for (String name : m.servletNames()) {
            if (name.equals(servletName) || name.equals(FilterMatcher.ALL_SERVLETS)) {
                return true;
            }
        }
        return false;
    }
}
