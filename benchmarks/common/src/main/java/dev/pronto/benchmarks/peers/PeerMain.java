package dev.pronto.benchmarks.peers;

import java.util.concurrent.CountDownLatch;

/**
 * The {@code main} shared by the peers: parse the command line, start, print one line, and keep
 * serving until the process is told to stop (SIGTERM runs a shutdown hook that closes the server).
 */
public final class PeerMain {

    private PeerMain() {
    }

    /** Runs a peer until the JVM is asked to exit; exits with status 2 on a bad command line, 1 if it cannot start. */
    public static void run(String peer, boolean takesThreads, String[] args, RunningPeer.Starter starter) {
        PeerOptions options;
        try {
            options = PeerOptions.parse(peer, takesThreads, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        RunningPeer server;
        try {
            server = starter.start(options);
        } catch (Exception e) {
            System.err.println("peer-" + peer + " failed to start on " + options.host() + ":" + options.port());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "peer-" + peer + "-shutdown"));
        String about = server.description().isEmpty() ? "" : server.description() + ", ";
        System.out.printf("peer-%s listening on http://%s:%d/ (%sstarted in %d ms)%n", peer, options.host(),
                server.port(), about, (System.nanoTime() - started) / 1_000_000);
        awaitExit();
    }

    // Some containers (Tomcat) serve only from daemon threads: keep the JVM alive until it is stopped.
    private static void awaitExit() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
