package dev.pronto.benchmarks.peers;

/** A started peer server: the port it is bound to, and a {@link #close()} that stops it and waits. */
public interface RunningPeer extends AutoCloseable {

    /** The bound port (the real one when started on port 0). */
    int port();

    /** A few words for the startup line, e.g. the transport; empty by default. */
    default String description() {
        return "";
    }

    /** Stops the server and waits for it; never throws. */
    @Override
    void close();

    /** How a peer starts: binds, starts serving, and returns once requests are accepted. */
    @FunctionalInterface
    interface Starter {
        RunningPeer start(PeerOptions options) throws Exception;
    }
}
