package dev.pronto.benchmarks.jmh;

import dev.pronto.benchmarks.peers.netty.HelloResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.AsciiString;
import java.util.Date;
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
 * The raw Netty peer's responses through {@link HttpResponseEncoder} on an {@link EmbeddedChannel}:
 * the cost of encoding a response head (and copying or chaining its body) without any socket.
 * The baseline that Pronto's own response encoding will be measured against.
 *
 * <pre>java -jar benchmarks/target/benchmarks-jmh.jar Http1ResponseEncoding -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class Http1ResponseEncodingBenchmark {

    /** Responses written before one flush: 1 = unpipelined, 16 = a pipelined batch as in the load harness. */
    @Param({"1", "16"})
    int batch;

    private EmbeddedChannel channel;
    private AsciiString date;
    private ByteBufAllocator alloc;

    @Setup(Level.Trial)
    public void setUp() {
        channel = new EmbeddedChannel(new HttpResponseEncoder());
        alloc = channel.alloc();
        date = AsciiString.cached(DateFormatter.format(new Date()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public long plaintext() {
        for (int i = 0; i < batch; i++) {
            channel.write(HelloResponses.plaintext(date));
        }
        channel.flush();
        return drain();
    }

    @Benchmark
    public long json() {
        for (int i = 0; i < batch; i++) {
            channel.write(HelloResponses.json(alloc, date));
        }
        channel.flush();
        return drain();
    }

    /** Releases what the encoder produced; returns the byte count so that nothing is dead code. */
    private long drain() {
        long bytes = 0;
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            bytes += buf.readableBytes();
            buf.release();
        }
        return bytes;
    }
}
