package dev.pronto.session.redis;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One Pronto instance with its sessions on Redis, serving {@code /s?op=…}, and a client that carries the cookie. */
final class SessionTestApp implements AutoCloseable {

    static final AtomicInteger ACTIVATED = new AtomicInteger();
    static final AtomicInteger PASSIVATED = new AtomicInteger();

    final String name;
    final ProntoServer server;
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger destroyed = new AtomicInteger();

    private SessionTestApp(String name, String redisUri) throws Exception {
        this.name = name;
        this.server = Pronto.server()
                .config(c -> c.host("127.0.0.1").port(0))
                .webapp(app -> app
                        .servlet("/s", new SessionServlet(name))
                        .nonBlockingServlet("/inline", new ThreadServlet())
                        .forwardedHeaders(ForwardedHeaders.trusting("127.0.0.1"))
                        .listener(new HttpSessionListener() {
                            @Override
                            public void sessionCreated(HttpSessionEvent se) {
                                created.incrementAndGet();
                            }

                            @Override
                            public void sessionDestroyed(HttpSessionEvent se) {
                                destroyed.incrementAndGet();
                            }
                        })
                        .sessionStore(RedisSessions.store(redisUri)))
                .start();
    }

    static SessionTestApp start(String name, String redisUri) throws Exception {
        return new SessionTestApp(name, redisUri);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** An attribute that counts its activations and passivations (Servlet 6.1 §7.7.2). */
    static final class ActivationProbe implements HttpSessionActivationListener, Serializable {
        @Override
        public void sessionWillPassivate(HttpSessionEvent se) {
            PASSIVATED.incrementAndGet();
        }

        @Override
        public void sessionDidActivate(HttpSessionEvent se) {
            ACTIVATED.incrementAndGet();
        }
    }

    /** {@code op=set|get|append|list|invalidate|change|timeout|probe|read|remove|id}; answers "instance:value". */
    static final class SessionServlet extends HttpServlet {
        private final String instance;

        SessionServlet(String instance) {
            this.instance = instance;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String op = req.getParameter("op");
            String k = req.getParameter("k");
            String v = req.getParameter("v");
            String answer;
            HttpSession session;
            switch (op) {
                case "set" -> {
                    req.getSession().setAttribute(k, v);
                    answer = req.getSession().getId();
                }
                case "get" -> {
                    session = req.getSession(false);
                    answer = session == null ? "none" : String.valueOf(session.getAttribute(k));
                }
                case "append" -> { // changes an attribute in place, without setAttribute
                    session = req.getSession();
                    List<String> list = (List<String>) session.getAttribute(k);
                    if (list == null) {
                        session.setAttribute(k, new ArrayList<>(List.of(v)));
                    } else {
                        list.add(v);
                    }
                    answer = "ok";
                }
                case "remove" -> {
                    req.getSession().removeAttribute(k);
                    answer = "ok";
                }
                case "invalidate" -> {
                    req.getSession().invalidate();
                    answer = "ok";
                }
                case "change" -> answer = req.changeSessionId();
                case "setchange" -> { // a new session re-identified before it was ever written
                    req.getSession().setAttribute(k, v);
                    answer = req.changeSessionId();
                }
                case "timeout" -> {
                    req.getSession().setMaxInactiveInterval(Integer.parseInt(v));
                    answer = "ok";
                }
                case "probe" -> {
                    req.getSession().setAttribute("probe", new ActivationProbe());
                    answer = "ok";
                }
                case "times" -> {
                    session = req.getSession(false);
                    answer = session == null ? "none"
                            : session.getCreationTime() + "," + session.getLastAccessedTime() + "," + session.isNew();
                }
                case "client" -> answer = req.getRemoteAddr() + "," + req.getScheme() + "," + req.isSecure() + ","
                        + req.getServerName() + "," + req.getServerPort();
                default -> answer = "?";
            }
            resp.setContentType("text/plain");
            resp.getWriter().print(instance + ":" + answer);
        }
    }

    /** A servlet declared non-blocking: says which thread ran it and whether it has a session. */
    static final class ThreadServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpSession session = req.getSession(false);
            resp.getWriter().print(Thread.currentThread().getName() + "," + (session == null ? "none" : "session"));
        }
    }

    /** A client that keeps the session cookie itself, so one cookie can be sent to several instances. */
    static final class Client {
        private final HttpClient http;
        private final String scheme;
        String sessionId;

        Client() {
            this(HttpClient.newHttpClient(), "http");
        }

        Client(HttpClient http, String scheme) {
            this.http = http;
            this.scheme = scheme;
        }

        HttpResponse<String> send(int port, String query) throws IOException, InterruptedException {
            return send(port, "/s?" + query, null);
        }

        HttpResponse<String> send(int port, String pathAndQuery, String[] extraHeaders)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + pathAndQuery));
            if (sessionId != null) {
                request.header("Cookie", "JSESSIONID=" + sessionId);
            }
            if (extraHeaders != null) {
                request.headers(extraHeaders);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("set-cookie")) {
                if (cookie.startsWith("JSESSIONID=")) {
                    sessionId = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
                }
            }
            return response;
        }

        String body(int port, String query) throws IOException, InterruptedException {
            HttpResponse<String> response = send(port, query);
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
