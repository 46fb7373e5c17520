package dev.pronto.servlet.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the many-idle-connections test, run in a child JVM so that its file descriptors do not count
 * against the server's. Usage: {@code IdleConnectionsClient port wanted keptAlive}: opens up to {@code wanted}
 * connections (fewer if its descriptor limit says so), sends one request on the first {@code keptAlive} of them and
 * reads the response, then prints {@code OPEN n}. Each {@code CHECK} line on stdin answers {@code ALIVE k}, the
 * connections still open; end of stdin closes everything. Single-threaded.
 */
public final class IdleConnectionsClient {

    private IdleConnectionsClient() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        int count = Math.min(Integer.parseInt(args[1]), descriptorHeadroom(100));
        int keptAlive = Integer.parseInt(args[2]);
        List<SocketChannel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(server);
            if (i < keptAlive) {
                roundTrip(channel);
            }
            channels.add(channel);
        }
        for (SocketChannel channel : channels) {
            channel.configureBlocking(false);
        }
        System.out.println("OPEN " + count);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.equals("CHECK")) {
                System.out.println("ALIVE " + alive(channels));
                System.out.flush();
            }
        }
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }

    /** Descriptors this JVM may still open, less {@code reserve}; as the server test computes its own. */
    static int descriptorHeadroom(int reserve) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return (int) Math.max(0, unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - reserve);
        }
        return 1_000;
    }

    private static void roundTrip(SocketChannel channel) throws IOException {
        channel.write(ByteBuffer.wrap("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        StringBuilder response = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (!(response.indexOf("\r\n\r\n") > 0 && response.toString().endsWith("hello"))) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new IOException("closed before the response ended: " + response);
            }
            response.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
        }
    }

    private static int alive(List<SocketChannel> channels) {
        ByteBuffer probe = ByteBuffer.allocate(1);
        int alive = 0;
        for (SocketChannel channel : channels) {
            try {
                probe.clear();
                if (channel.read(probe) == 0) {
                    alive++;
                }
            } catch (IOException e) {
                // reset by the server: not alive
            }
        }
        return alive;
    }
}
