package dev.pronto.servlet.dispatch;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.HttpHandler;
import dev.pronto.servlet.accesslog.AccessLog;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.servlet.request.BadRequestPathException;
import dev.pronto.servlet.request.RequestPathNormalizer;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link HttpHandler} for servlet applications: canonicalises the path, picks the web application by
 * context path, resolves the cached target, and runs the request inline (non-blocking servlets) or on the
 * {@link RequestExecutor}. {@link #handle} runs on the event loop and never blocks.
 */
public final class ServletBridge implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ServletBridge.class);

    private final List<Deployment> deployments;
    private final RequestExecutor executor;
    private final RequestPathNormalizer normalizer;
    private final FastThreadLocal<Route> lastRoute = new FastThreadLocal<>();
    private final AccessLog accessLog;

    /** @param deployments the applications; the longest matching context path wins */
    public ServletBridge(List<Deployment> deployments, RequestExecutor executor, RequestPathNormalizer normalizer) {
        this(deployments, executor, normalizer, null);
    }

    /** As above, logging the requests the bridge answers itself to {@code accessLog} (null: none). */
    public ServletBridge(List<Deployment> deployments, RequestExecutor executor, RequestPathNormalizer normalizer,
                         AccessLog accessLog) {
        this.accessLog = accessLog;
        List<Deployment> sorted = new ArrayList<>(deployments);
        sorted.sort(Comparator.comparingInt((Deployment d) -> d.app.contextPath().length()).reversed());
        this.deployments = List.copyOf(sorted);
        this.executor = executor;
        this.normalizer = normalizer;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String target = exchange.target();
        if (target.equals("*")) {
            answerServerWideOptions(exchange, !deployments.isEmpty() && deployments.get(0).app.allowTrace());
            logAnswered(exchange);
            return;
        }
        Route route = lastRoute.get();
        if (route == null || !route.target.equals(target)) {
            route = route(exchange, target);
            if (route == null) {
                logAnswered(exchange); // answered already (400, 404 or the context-root redirect)
                return;
            }
            lastRoute.set(route);
        }
        RequestTarget requestTarget = route.requestTarget;
        if (HttpMethod.TRACE.equals(exchange.method()) && !route.deployment.app.allowTrace()) {
            refuseTrace(exchange, requestTarget);
            logAnswered(exchange);
            return;
        }
        RequestCycle cycle = new RequestCycle(route.deployment, exchange, route.rawPath, route.query, route.inContext);
        if (route.inline) {
            cycle.run(requestTarget);
        } else {
            executor.dispatch(exchange, () -> cycle.run(requestTarget));
        }
    }

    @Override
    public void rejected(int status, java.net.InetSocketAddress remote, java.net.InetSocketAddress local) {
        if (accessLog != null) {
            accessLog.log(new RejectedAccessLogEntry(status, remote, local, System.currentTimeMillis()));
        }
    }

    /** A request the bridge answered itself still gets its access-log line. */
    private void logAnswered(HttpExchange exchange) {
        if (accessLog != null) {
            accessLog.log(new ExchangeAccessLogEntry(exchange, System.currentTimeMillis(), System.nanoTime()));
        }
    }

    /**
     * Everything the request-target decides, computed once per distinct target: a pipelined batch repeats the same
     * target, and each event loop remembers the last one it routed. Immutable.
     */
    private record Route(String target, Deployment deployment, String rawPath, String query, String inContext,
                         RequestTarget requestTarget, boolean inline) {
    }

    /** Canonicalises and maps a target; answers the request itself and returns null when it cannot be routed. */
    private Route route(HttpExchange exchange, String target) {
        String path;
        try {
            path = normalizer.canonicalize(target);
        } catch (BadRequestPathException e) {
            // Servlet 6.1 §3.5.2: a suspicious path is rejected before any mapping
            log.debug("Rejecting path {}: {}", e.path(), e.reason());
            // as Tomcat does: a client that sends such a target is not trusted with the rest of the connection
            exchange.responseHeaders().set(HttpHeaderNames.CONNECTION, io.netty.handler.codec.http.HttpHeaderValues.CLOSE);
            plain(exchange, 400, "Bad Request");
            return null;
        }
        Deployment deployment = select(path);
        if (deployment == null) {
            plain(exchange, 404, "Not Found");
            return null;
        }
        String contextPath = deployment.app.contextPath();
        String inContext = path.substring(contextPath.length());
        String rawPath = RequestPathNormalizer.rawPath(target);
        int q = target.indexOf('?');
        String query = q < 0 ? null : target.substring(q + 1);
        if (inContext.isEmpty()) {
            if (!contextPath.isEmpty()) {
                redirectToContextRoot(exchange, rawPath, query);
                return null;
            }
            inContext = "/";
        }
        // Servlet 6.1 §10.5: a client's own request never reaches WEB-INF or META-INF, whatever is mapped there (a
        // "/*" servlet or filter, "*.jsp"): no target, so 404 after the security check, with the application's
        // error page, as Tomcat does; forwards and includes resolve their targets elsewhere
        RequestTarget requestTarget = PrivatePaths.isPrivate(inContext) ? null
                : deployment.targets.resolve(jakarta.servlet.DispatcherType.REQUEST, inContext);
        // a request the security check may hold up never runs on the event loop: a realm may block
        boolean inline = requestTarget != null && requestTarget.inline()
                && (deployment.security == null || !deployment.security.guards(inContext));
        return new Route(target, deployment, rawPath, query, inContext, requestTarget, inline);
    }

    private Deployment select(String path) {
        for (Deployment d : deployments) {
            String cp = d.app.contextPath();
            if (cp.isEmpty() || path.startsWith(cp) && (path.length() == cp.length() || path.charAt(cp.length()) == '/')) {
                return d;
            }
        }
        return null;
    }

    /** A request for exactly {@code /ctx} is redirected to {@code /ctx/}, as Tomcat and Jetty do. */
    private static void redirectToContextRoot(HttpExchange exchange, String rawPath, String query) {
        exchange.status(302);
        exchange.responseHeaders().set(HttpHeaderNames.LOCATION, rawPath + '/' + (query == null ? "" : '?' + query));
        exchange.send(exchange.alloc().buffer(0, 0));
    }

    /**
     * TRACE echoes the request, cookies and credentials included, to whoever can make a browser send it
     * (cross-site tracing); unless allowed it never reaches the application: 405 with {@code Allow}, as Tomcat does.
     */
    private static void refuseTrace(HttpExchange exchange, RequestTarget target) {
        String allow = AllowedMethods.of(target == null ? null : target.servlet().servletClass());
        exchange.responseHeaders().set(HttpHeaderNames.ALLOW, allow);
        plain(exchange, 405, "Method Not Allowed");
    }

    /** {@code OPTIONS *} (RFC 9110 §9.3.7) asks about the server itself. */
    private static void answerServerWideOptions(HttpExchange exchange, boolean allowTrace) {
        if (HttpMethod.OPTIONS.equals(exchange.method())) {
            exchange.responseHeaders().set(HttpHeaderNames.ALLOW,
                    allowTrace ? AllowedMethods.ANY + ", TRACE" : AllowedMethods.ANY);
            exchange.send(exchange.alloc().buffer(0, 0));
        } else {
            plain(exchange, 400, "Bad Request");
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) {
        exchange.status(status);
        exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        exchange.send(ByteBufUtil.writeUtf8(exchange.alloc(), text + "\n"));
    }
}
