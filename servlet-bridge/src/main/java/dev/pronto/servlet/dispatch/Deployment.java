package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.accesslog.AccessLog;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.servlet.context.ServletContextImpl;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.mapping.MappingResult;
import dev.pronto.servlet.security.WebSecurity;
import jakarta.servlet.RequestDispatcher;

/**
 * A web application as the bridge runs it: its target cache, error handling and dispatchers. Created once per
 * application at start; thread-safe.
 */
public final class Deployment implements ServletContextImpl.RequestDispatcherFactory {

    final WebApplication app;
    final TargetResolver targets;
    final ErrorPageHandler errors;
    final RequestExecutor executor;
    /** The application's security; null when it configured none (then requests skip the check). */
    final WebSecurity security;
    /** The server's access log, or null when it is off. */
    final AccessLog accessLog;

    public Deployment(WebApplication app, RequestExecutor executor) {
        this(app, executor, null);
    }

    public Deployment(WebApplication app, RequestExecutor executor, AccessLog accessLog) {
        this.app = app;
        this.executor = executor;
        this.security = app.webSecurity();
        this.accessLog = accessLog;
        this.targets = new TargetResolver(app);
        this.errors = new ErrorPageHandler(this);
        app.context().dispatchers(this);
    }

    public WebApplication app() {
        return app;
    }

    @Override
    public RequestDispatcher forPath(String pathWithQuery) {
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        String query = q < 0 ? null : pathWithQuery.substring(q + 1);
        // §9.1.1: dot segments of a relative dispatch path are resolved; one that climbs out of the context fails
        String normalized = dev.pronto.servlet.resource.ResourcePaths.normalize(path);
        if (normalized == null) {
            return null;
        }
        if (normalized.length() > 1 && normalized.endsWith("/") && !path.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return new RequestDispatcherImpl(this, normalized, query, null);
    }

    @Override
    public RequestDispatcher forName(String servletName) {
        ServletHolder holder = app.servlet(servletName);
        return holder == null ? null : new RequestDispatcherImpl(this, null, null, holder);
    }

    /** The target of a named dispatch: the servlet with no path elements. */
    RequestTarget namedTarget(jakarta.servlet.DispatcherType type, ServletHolder holder) {
        return targets.named(type, MappingResult.named(holder));
    }
}
