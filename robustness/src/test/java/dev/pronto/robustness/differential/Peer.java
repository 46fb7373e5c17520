package dev.pronto.robustness.differential;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One server under differential test, on 127.0.0.1 and an ephemeral port, running a {@link ProbeServlet} at
 * {@code /*} with the container's default settings. Start and close from one thread.
 */
abstract class Peer implements AutoCloseable {

    final String name;
    final ProbeServlet probe = new ProbeServlet();

    Peer(String name) {
        this.name = name;
    }

    abstract int port();

    static Peer pronto() throws Exception {
        return new Peer("pronto") {
            private final ProntoServer server = Pronto.server()
                    .config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                    .webapp(app -> app.servlet("/*", probe))
                    .start();

            @Override
            int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** Tomcat 11 embedded, NIO connector, defaults (no relaxed path/query chars, allowHostHeaderMismatch off). */
    static Peer tomcat() throws Exception {
        Path baseDir = Files.createTempDirectory("differential-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        Peer peer = new Peer("tomcat") {
            @Override
            int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
                try (Stream<Path> paths = Files.walk(baseDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        };
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "probe", peer.probe);
        context.addServletMappingDecoded("/*", "probe");
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED) {
            peer.close();
            throw new IOException("Tomcat's connector did not start");
        }
        return peer;
    }

    /** Jetty 12.1 with an ee11 servlet context, one HTTP/1.1 connector, its default (RFC 9110) compliance mode. */
    static Peer jetty() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Peer peer = new Peer("jetty") {
            @Override
            int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(peer.probe), "/*");
        server.setHandler(context);
        server.start();
        return peer;
    }
}
