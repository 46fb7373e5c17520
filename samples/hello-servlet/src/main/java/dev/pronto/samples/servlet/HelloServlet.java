package dev.pronto.samples.servlet;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The plain embedded servlet sample. Usage: {@code java -jar hello-servlet.jar [--port N] [--threads N]
 * [--inline] [--transport auto|epoll|io_uring|nio] [--tls auto|jdk|openssl [--key-store FILE.p12 --key-store-password PW]
 * [--http-port N]]}; {@code --inline} declares /plaintext and /json non-blocking so they run on the event loop;
 * {@code --tls} serves HTTPS on the port (with a self-signed localhost certificate made at start unless a key store is
 * given), and {@code --http-port} adds a cleartext port next to it.
 */
public final class HelloServlet {

    private HelloServlet() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean inline = false;
        Transport transport = Transport.AUTO;
        TlsConfig.Provider tlsProvider = null;
        Path keyStore = null;
        String keyStorePassword = SampleCertificate.PASSWORD;
        int httpPort = -1;
        boolean http2 = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--inline" -> inline = true;
                case "--transport" -> transport = Transport.valueOf(args[++i].toUpperCase());
                case "--tls" -> tlsProvider = TlsConfig.Provider.valueOf(args[++i].toUpperCase());
                case "--key-store" -> keyStore = Path.of(args[++i]);
                case "--key-store-password" -> keyStorePassword = args[++i];
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                case "--http2" -> http2 = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port N, --threads N, --inline, --transport auto|epoll|io_uring|nio, --tls auto|jdk|openssl,"
                        + " --key-store FILE, --key-store-password PW, --http-port N, --http2)");
            }
        }
        TlsConfig tls = null;
        if (tlsProvider != null) {
            Path store = keyStore != null ? keyStore : SampleCertificate.create();
            tls = TlsConfig.builder().provider(tlsProvider)
                    .key(TlsKeyMaterial.keyStore(store, null, keyStorePassword, null, null)).build();
        }
        ProntoServer server = create(port, threads, inline, transport, tls, httpPort, http2).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.destroy(), "pronto-shutdown"));
        Thread.currentThread().join();
    }

    /** The sample's server, not started. */
    public static ProntoServer create(int port, int threads, boolean inline, Transport transport) {
        return create(port, threads, inline, transport, null, -1);
    }

    /** The sample's server with TLS on {@code port} ({@code tls} null: cleartext), not started. */
    public static ProntoServer create(int port, int threads, boolean inline, Transport transport, TlsConfig tls,
                                      int httpPort) {
        return create(port, threads, inline, transport, tls, httpPort, false);
    }

    /** As above; {@code http2} adds h2 by ALPN on a TLS port and h2c (prior knowledge) on a cleartext one. */
    public static ProntoServer create(int port, int threads, boolean inline, Transport transport, TlsConfig tls,
                                      int httpPort, boolean http2) {
        int ioThreads = threads;
        Transport chosen = transport;
        return Pronto.server()
                .config(c -> c.port(port).ioThreads(ioThreads).transport(chosen).tls(tls).httpPort(httpPort)
                        .http2(http2))
                .webapp(app -> {
                    if (inline) {
                        app.nonBlockingServlet("/plaintext", new PlaintextServlet())
                                .nonBlockingServlet("/json", new JsonServlet());
                    } else {
                        app.servlet("/plaintext", new PlaintextServlet()).servlet("/json", new JsonServlet());
                    }
                    app.servlet("", new GuestbookServlet())
                            .filter("", new TimingFilter())
                            .sessionTimeout(Duration.ofMinutes(30));
                })
                .build();
    }
}
