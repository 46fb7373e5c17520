package dev.pronto.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) in the foreground, with a configuration written into its own temporary prefix
 * directory and a free loopback port; started and stopped by a test. Skips the test when nginx is not installed.
 */
public final class NginxProcess implements AutoCloseable {

    private final Process process;
    private final Path dir;
    public final int port;

    private NginxProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts nginx with the configuration {@code config} makes from the prefix directory and the port to listen on. */
    public static NginxProcess start(ConfigMaker config) throws Exception {
        Path binary = ExternalBinary.require("nginx", "nginx");
        for (int attempt = 0; ; attempt++) {
            Path dir = Files.createTempDirectory("pronto-nginx");
            Files.createDirectories(dir.resolve("logs"));
            int port = ExternalBinary.freePort();
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config.make(dir, port));
            Process process = new ProcessBuilder(binary.toString(), "-p", dir + "/", "-c", conf.toString(),
                    "-e", dir.resolve("logs/error.log").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/console.log").toFile())
                    .start();
            NginxProcess nginx = new NginxProcess(process, dir, port);
            if (nginx.awaitListening()) {
                return nginx;
            }
            String log = Files.readString(dir.resolve("logs/console.log"));
            nginx.close();
            if (attempt == 2) {
                throw new IllegalStateException("nginx did not start: " + log);
            }
        }
    }

    /** Makes nginx.conf. */
    public interface ConfigMaker {
        String make(Path prefix, int port) throws IOException;
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                Thread.sleep(25);
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
