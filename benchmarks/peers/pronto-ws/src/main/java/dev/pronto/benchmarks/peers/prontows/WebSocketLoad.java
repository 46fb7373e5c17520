package dev.pronto.benchmarks.peers.prontows;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket load client: Netty's WebSocket client codec on one event loop (pin it to its own core), driving
 * {@code echo} (N connections, M messages in flight on each) or {@code broadcast} (K subscribers and one publisher
 * keeping W messages in flight) against any server, then printing one {@code RESULT} line: messages per second, its
 * own CPU seconds and, with {@code --server-pid}, the server's (utime + stime, proc(5)) over the measured window.
 * <pre>
 * java -cp peer-pronto-ws.jar dev.pronto.benchmarks.peers.prontows.WebSocketLoad echo|broadcast
 *      [--port 8080] [--host 127.0.0.1] [--connections 64] [--in-flight 16] [--size 64]
 *      [--warmup 5] [--duration 15] [--server-pid PID]
 * </pre>
 * In {@code broadcast}, {@code --connections} is K and {@code --in-flight} is W. All state lives on the one event loop.
 */
public final class WebSocketLoad {

    private WebSocketLoad() {
    }

    /** The command line. */
    record Options(String scenario, String host, int port, int connections, int inFlight, int size, int warmupSeconds,
                   int durationSeconds, long serverPid) {

        static Options parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("echo") || args[0].equals("broadcast"))) {
                throw new IllegalArgumentException("usage: WebSocketLoad echo|broadcast [--port N] [--host A] "
                        + "[--connections N] [--in-flight M] [--size BYTES] [--warmup S] [--duration S] [--server-pid P]");
            }
            String host = "127.0.0.1";
            int port = 8080;
            int connections = 64;
            int inFlight = 16;
            int size = 64;
            int warmup = 5;
            int duration = 15;
            long pid = -1;
            for (int i = 1; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--in-flight" -> inFlight = Integer.parseInt(value);
                    case "--size" -> size = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--duration" -> duration = Integer.parseInt(value);
                    case "--server-pid" -> pid = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(args[0], host, port, connections, inFlight, size, warmup, duration, pid);
        }
    }

    /** What one run measured. */
    record Result(String scenario, long messages, double seconds, double serverCpuSeconds, double clientCpuSeconds) {

        double rate() {
            return messages / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "RESULT scenario=%s messages=%d seconds=%.3f rate=%.0f server_cpu_s=%.3f"
                    + " client_cpu_s=%.3f", scenario, messages, seconds, rate(), serverCpuSeconds, clientCpuSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(run(options).line());
    }

    /** Connects, warms up, measures, closes. */
    static Result run(Options o) throws Exception {
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends SocketChannel> type = Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io);
        try {
            LoadState state = new LoadState(o.scenario().equals("broadcast"), o.connections(), o.inFlight(), o.size());
            URI uri = URI.create("ws://" + o.host() + ":" + o.port()
                    + (state.broadcast ? "/ws/broadcast" : "/ws/echo"));
            Bootstrap bootstrap = new Bootstrap().group(group).channel(type)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new LoadChannelInitializer(uri, state));
            List<Channel> channels = new ArrayList<>();
            int total = o.connections() + (state.broadcast ? 1 : 0);
            for (int i = 0; i < total; i++) {
                ChannelFuture connect = bootstrap.connect(o.host(), o.port()).sync();
                channels.add(connect.channel());
            }
            state.awaitHandshakes(30, TimeUnit.SECONDS);
            group.next().submit(state::start).sync();
            state.awaitReady(30, TimeUnit.SECONDS); // broadcast: every subscriber is registered
            Thread.sleep(o.warmupSeconds() * 1000L);
            long count0 = group.next().submit(state::delivered).get();
            long self = ProcessHandle.current().pid();
            long cpu0 = cpuTicks(o.serverPid());
            long own0 = cpuTicks(self);
            long t0 = System.nanoTime();
            Thread.sleep(o.durationSeconds() * 1000L);
            long count1 = group.next().submit(state::delivered).get();
            long cpu1 = cpuTicks(o.serverPid());
            long own1 = cpuTicks(self);
            double seconds = (System.nanoTime() - t0) / 1e9;
            state.failIfStalled();
            group.next().submit(state::stop).sync();
            for (Channel channel : channels) {
                channel.close().await(5, TimeUnit.SECONDS);
            }
            double hz = clockTicksPerSecond();
            double cpu = o.serverPid() > 0 ? (cpu1 - cpu0) / hz : Double.NaN;
            return new Result(o.scenario(), count1 - count0, seconds, cpu, (own1 - own0) / hz);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** proc(5): utime and stime, fields 14 and 15 of /proc/PID/stat (counted after the command's closing parenthesis). */
    static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long clockTicksPerSecond() {
        String hz = System.getenv("CLK_TCK");
        return hz == null || hz.isBlank() ? 100 : Long.parseLong(hz.trim());
    }
}
