package dev.pronto.benchmarks.peers.jetty;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.benchmarks.peers.websocket.BroadcastEndpoint;
import dev.pronto.benchmarks.peers.websocket.EchoEndpoint;
import dev.pronto.samples.servlet.JsonServlet;
import dev.pronto.samples.servlet.PlaintextServlet;
import dev.pronto.samples.servlet.SampleCertificate;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty 12.1 serving {@code /plaintext} and {@code /json} from an ee11 {@link ServletContextHandler}, and the
 * WebSocket benchmark's endpoints through Jetty's Jakarta WebSocket server: one HTTP/1.1 {@link ServerConnector},
 * Jetty's default {@code QueuedThreadPool}, no request log. With {@code --http2} the connector also has Jetty's
 * {@link HTTP2CServerConnectionFactory} (h2c by prior knowledge or {@code Upgrade: h2c}); with {@code --tls} it
 * serves HTTPS (HTTP/1.1, JSSE) with a self-signed certificate made at start, and with both flags h2 or HTTP/1.1
 * over that TLS as ALPN negotiates (RFC 7301; h2 per RFC 9113 section 3.2).
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
        ServerConnector connector;
        if (options.tls()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // the harness connects to 127.0.0.1, the certificate says localhost
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(SampleCertificate.create().toString());
            ssl.setKeyStorePassword(SampleCertificate.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            if (options.http2()) {
                // ALPN picks the protocol after the TLS handshake: h2 when the client offers it, else HTTP/1.1.
                HttpConnectionFactory http11 = new HttpConnectionFactory(http);
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
                alpn.setDefaultProtocol(http11.getProtocol());
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                        new HTTP2ServerConnectionFactory(http), http11);
            } else {
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(http));
            }
        } else if (options.http2()) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http),
                    new HTTP2CServerConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new PlaintextServlet(), "/plaintext");
        context.addServlet(new JsonServlet(), "/json");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.addEndpoint(EchoEndpoint.class);
            container.addEndpoint(BroadcastEndpoint.class);
        });
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
