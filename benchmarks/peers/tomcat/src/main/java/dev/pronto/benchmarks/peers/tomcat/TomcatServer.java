package dev.pronto.benchmarks.peers.tomcat;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.benchmarks.peers.websocket.BroadcastEndpoint;
import dev.pronto.benchmarks.peers.websocket.EchoEndpoint;
import dev.pronto.samples.servlet.JsonServlet;
import dev.pronto.samples.servlet.PlaintextServlet;
import jakarta.servlet.http.HttpServlet;
import dev.pronto.samples.servlet.SampleCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.websocket.server.WsSci;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * Embedded Tomcat 11 serving {@code /plaintext} and {@code /json}, and the WebSocket benchmark's endpoints through
 * Tomcat's own WebSocket server ({@code WsSci}, as a scan would find them): NIO connector and Tomcat's
 * defaults otherwise (its 200-thread pool, keep-alive limit, no access log — embedded Tomcat
 * adds no {@code AccessLogValve}). With {@code --http2} the connector also speaks h2c: Tomcat's {@code Http2Protocol}
 * as its upgrade protocol takes both {@code Upgrade: h2c} and the prior-knowledge preface. With {@code --tls} it
 * serves HTTPS (HTTP/1.1, JSSE) with a self-signed certificate made at start; with both flags the same upgrade
 * protocol is offered by ALPN on that TLS connector (h2, else HTTP/1.1; JSSE's ALPN).
 */
public final class TomcatServer {

    private TomcatServer() {
    }

    public static void main(String[] args) {
        PeerMain.run("tomcat", false, args, TomcatServer::start);
    }

    /** Starts Tomcat; returns once the connector accepts. */
    public static RunningPeer start(PeerOptions options) throws IOException, LifecycleException {
        Path baseDir = Files.createTempDirectory("peer-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());

        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        if (options.http2()) {
            connector.addUpgradeProtocol(new Http2Protocol());
        }
        if (options.tls()) {
            enableTls(connector);
        }
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);

        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "plaintext", new PlaintextServlet());
        context.addServletMappingDecoded("/plaintext", "plaintext");
        Tomcat.addServlet(context, "json", new JsonServlet());
        context.addServletMappingDecoded("/json", "json");
        context.addServletContainerInitializer(new WsSci(), Set.of(EchoEndpoint.class, BroadcastEndpoint.class));
        // Tomcat runs filters (its WsFilter does the handshake) only for a mapped request, and this context has no
        // default servlet: map the endpoints' paths to a plain servlet (a GET without the handshake gets its 405).
        Tomcat.addServlet(context, "websocket", new HttpServlet() { });
        context.addServletMappingDecoded("/ws/*", "websocket");

        tomcat.start();
        int port = connector.getLocalPort();
        if (connector.getState() != LifecycleState.STARTED || port < 0) {
            // Tomcat logs a failed bind and carries on without the connector; a benchmark peer must not.
            tomcat.stop();
            tomcat.destroy();
            deleteTree(baseDir);
            throw new IOException("Tomcat connector did not start on " + options.host() + ":" + options.port());
        }
        return new RunningPeer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } catch (LifecycleException e) {
                    e.printStackTrace();
                } finally {
                    deleteTree(baseDir);
                }
            }
        };
    }

    private static void enableTls(Connector connector) throws IOException {
        Path store;
        try {
            store = SampleCertificate.create();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the certificate", e);
        }
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystoreFile(store.toString());
        certificate.setCertificateKeystorePassword(SampleCertificate.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
