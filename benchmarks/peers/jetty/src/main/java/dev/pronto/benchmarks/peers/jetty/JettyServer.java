package dev.pronto.benchmarks.peers.jetty;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.samples.servlet.JsonServlet;
import dev.pronto.samples.servlet.PlaintextServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty 12.1 serving {@code /plaintext} and {@code /json} from an ee11 {@link ServletContextHandler}:
 * one HTTP/1.1 {@link ServerConnector}, Jetty's default {@code QueuedThreadPool}, no request log. With
 * {@code --http2} the connector also has Jetty's {@link HTTP2CServerConnectionFactory} (h2c by prior knowledge or
 * {@code Upgrade: h2c}).
 */
public final class JettyServer {

    private JettyServer() {
    }

    public static void main(String[] args) {
        PeerMain.run("jetty", false, args, JettyServer::start);
    }

    /** Starts Jetty; returns once the connector accepts. */
    public static RunningPeer start(PeerOptions options) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector = options.http2()
                ? new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http))
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new PlaintextServlet(), "/plaintext");
        context.addServlet(new JsonServlet(), "/json");
        server.setHandler(context);

        server.start();
        int port = connector.getLocalPort();
        return new RunningPeer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                try {
                    server.stop();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        };
    }
}
