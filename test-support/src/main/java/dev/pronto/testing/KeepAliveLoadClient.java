package dev.pronto.testing;

import dev.pronto.testing.RawHttpConnection.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One keep-alive client on its own thread sending requests back to back, one at a time, until the server closes the
 * connection (graceful-shutdown tests). It ends well if the server closes between two requests (the request just
 * sent was never taken) or right after a response that says {@code Connection: close}; a cut or wrong response,
 * or data after a response saying close, is a {@link #failure()}. Started by the constructor; read the results
 * after {@link #await}.
 */
public final class KeepAliveLoadClient implements Runnable {

    private final RawHttpConnection connection;
    private final List<String> paths;
    private final String expectedBody;
    private final int warmUpResponses;
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile int responses;
    private volatile boolean saidClose;
    private volatile boolean ended;
    private volatile String failure;

    /** Sends GETs for {@code paths} in turn on a new connection to {@code port}, expecting {@code expectedBody}. */
    public KeepAliveLoadClient(int port, List<String> paths, String expectedBody) throws IOException {
        this.connection = RawHttpConnection.open(port);
        this.paths = List.copyOf(paths);
        this.expectedBody = expectedBody;
        this.warmUpResponses = 20;
        this.thread = new Thread(this, "keep-alive-load-client");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (connection) {
            for (int i = 0; ; i++) {
                Response r;
                try {
                    connection.send("GET " + paths.get(i % paths.size()) + " HTTP/1.1\r\nHost: t\r\n\r\n");
                    r = connection.read();
                } catch (IOException e) {
                    ended = true; // closed while idle: the request just sent was never taken
                    return;
                }
                if (r.status() != 200 || !expectedBody.equals(r.body())) {
                    failure = "bad response " + r;
                    return;
                }
                responses++;
                if (responses == warmUpResponses) {
                    warmedUp.countDown();
                }
                if ("close".equals(r.header("connection"))) {
                    saidClose = true;
                    ended = connection.isClosedByServer();
                    if (!ended) {
                        failure = "still open after a response saying close";
                    }
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        } finally {
            warmedUp.countDown();
        }
    }

    /** Waits until this client has had a few responses: the server is under its load. */
    public boolean awaitWarmedUp(long timeout, TimeUnit unit) throws InterruptedException {
        return warmedUp.await(timeout, unit) && failure == null && !ended;
    }

    /** Waits for the client to stop (the server closed its connection). */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(unit.toMillis(timeout));
        return !thread.isAlive();
    }

    /** Complete, correct responses received. */
    public int responses() {
        return responses;
    }

    /** Whether the last response said {@code Connection: close} (else the server closed while idle). */
    public boolean saidClose() {
        return saidClose;
    }

    /** Whether the server closed the connection in one of the two good ways. */
    public boolean ended() {
        return ended;
    }

    /** What went wrong, or null. */
    public String failure() {
        return failure;
    }
}
