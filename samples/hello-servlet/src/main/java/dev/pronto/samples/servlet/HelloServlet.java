package dev.pronto.samples.servlet;

import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.time.Duration;

/**
 * The plain embedded servlet sample. Usage: {@code java -jar hello-servlet.jar [--port N] [--threads N]
 * [--inline] [--transport auto|epoll|io_uring|nio]}; {@code --inline} declares /plaintext and /json non-blocking so they run
 * on the event loop.
 */
public final class HelloServlet {

    private HelloServlet() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean inline = false;
        Transport transport = Transport.AUTO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--inline" -> inline = true;
                case "--transport" -> transport = Transport.valueOf(args[++i].toUpperCase());
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port N, --threads N, --inline, --transport auto|epoll|io_uring|nio)");
            }
        }
        ProntoServer server = create(port, threads, inline, transport).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.destroy(), "pronto-shutdown"));
        Thread.currentThread().join();
    }

    /** The sample's server, not started. */
    public static ProntoServer create(int port, int threads, boolean inline, Transport transport) {
        int ioThreads = threads;
        Transport chosen = transport;
        return Pronto.server()
                .config(c -> c.port(port).ioThreads(ioThreads).transport(chosen))
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
