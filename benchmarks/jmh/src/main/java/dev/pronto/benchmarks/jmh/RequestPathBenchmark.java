package dev.pronto.benchmarks.jmh;

import dev.pronto.benchmarks.peers.netty.HelloWorldHandler;
import dev.pronto.container.HttpHandler;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.ConnectionRegistry;
import dev.pronto.container.connection.ConnectionSettings;
import dev.pronto.container.connection.Http1Connection;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import dev.pronto.samples.servlet.PlaintextServlet;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.dispatch.Deployment;
import dev.pronto.servlet.dispatch.ServletBridge;
import dev.pronto.servlet.request.RequestPathNormalizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.AsciiString;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through a whole server pipeline on an {@link EmbeddedChannel}, no socket: bytes in, response bytes
 * out. Compares the raw Netty peer ({@code HttpServerCodec} + handler), Pronto's core handler, and Pronto's servlet
 * path (the hello-servlet {@code PlaintextServlet}, and a servlet that reads the URI, a header and a parameter —
 * request adaptation, and one that reads the URI and answers through {@code getWriter}) run inline. With {@code -prof gc} it gives bytes allocated per request.
 *
 * <pre>java -jar benchmarks/target/benchmarks-jmh.jar RequestPath -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RequestPathBenchmark {

    private static final byte[] REQUEST = ("GET /plaintext?q=1 HTTP/1.1\r\nHost: localhost\r\nUser-Agent: wrk\r\n"
            + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** Which server answers. */
    @Param({"netty", "pronto-core", "pronto-servlet", "pronto-servlet-adapt", "pronto-servlet-writer"})
    String server;

    private EmbeddedChannel channel;
    private ProntoServer pronto;

    /** Reads what most servlets read, then answers like {@code PlaintextServlet}. */
    public static final class AdaptingServlet extends HttpServlet {
        private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().isEmpty() || req.getHeader("User-Agent") == null || req.getParameter("q") == null) {
                throw new IllegalStateException("unexpected request");
            }
            resp.setContentType("text/plain");
            resp.setContentLength(BODY.length);
            resp.getOutputStream().write(BODY);
        }
    }

    /** The request URI and a writer: the path most text-producing servlets take. */
    public static final class WritingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().isEmpty()) {
                throw new IllegalStateException("unexpected request");
            }
            resp.setContentType("text/plain");
            resp.getWriter().write("Hello, World!");
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        switch (server) {
            case "netty" -> channel = new EmbeddedChannel(new HttpServerCodec(new HttpDecoderConfig()
                    .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))),
                    new HelloWorldHandler());
            case "pronto-core" -> channel = pronto(coreHandler());
            case "pronto-servlet" -> channel = pronto(bridge(new PlaintextServlet()));
            case "pronto-servlet-writer" -> channel = pronto(bridge(new WritingServlet()));
            default -> channel = pronto(bridge(new AdaptingServlet()));
        }
    }

    private static HttpHandler coreHandler() {
        AsciiString textPlain = AsciiString.cached("text/plain");
        ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(
                "Hello, World!".getBytes(StandardCharsets.US_ASCII))).asReadOnly();
        return exchange -> {
            exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, textPlain);
            exchange.send(body.duplicate());
        };
    }

    private HttpHandler bridge(HttpServlet servlet) throws Exception {
        pronto = Pronto.server().config(c -> c.port(0))
                .webapp(app -> app.nonBlockingServlet("/plaintext", servlet).discoverInitializers(false)
                        .defaultServlet(false))
                .build().initialize();
        Deployment deployment = new Deployment(pronto.applications().get(0), pronto.executor());
        return new ServletBridge(List.of(deployment), pronto.executor(), RequestPathNormalizer.STRICT);
    }

    private static EmbeddedChannel pronto(HttpHandler handler) {
        ConnectionSettings settings = new ConnectionSettings(ServerConfig.builder().port(0).build(), handler,
                new ConnectionRegistry(16));
        Http1RequestDecoder decoder = new Http1RequestDecoder(8192, 8192, -1);
        return new EmbeddedChannel(decoder, new Http1ResponseEncoder(), new Http1Connection(settings, decoder));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
        if (pronto != null) {
            pronto.destroy();
        }
    }

    @Benchmark
    public int request() {
        channel.writeInbound(Unpooled.wrappedBuffer(REQUEST));
        int bytes = 0;
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            bytes += out.readableBytes();
            out.release();
        }
        if (bytes == 0) {
            throw new IllegalStateException(server + " wrote no response");
        }
        return bytes;
    }
}
