package dev.pronto.robustness.differential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one server treated one request: the status class of its first response (or that it sent none) and whether
 * the servlet ran. Two outcomes agree when their {@link #verdict()}s are equal. Immutable.
 */
record Outcome(int status, boolean servletRan) {

    /** No response before the server closed the connection. */
    static final int CLOSED = -1;
    /** No response within {@link #WAIT_MILLIS}: the server waits for more input. */
    static final int WAITS = -2;

    /** How long a server may take to answer; cases are complete requests, so only a server waiting for more bytes reaches it. */
    static final int WAIT_MILLIS = 3000;

    /**
     * Client ports used so far, per server port. A port the server closed first may be handed out again at once;
     * a servlet that ran late for the earlier case would then be credited to the later one.
     */
    private static final Map<Integer, Set<Integer>> USED_PORTS = new HashMap<>();

    /** The status class and whether the servlet ran, e.g. {@code 2xx+servlet}, {@code 4xx}, {@code closed}. */
    String verdict() {
        String head = switch (status) {
            case CLOSED -> "closed";
            case WAITS -> "waits";
            default -> (status / 100) + "xx";
        };
        return servletRan ? head + "+servlet" : head;
    }

    /** The verdict with the exact status, for the report. */
    String detail() {
        return status > 0 ? status + (servletRan ? "+servlet" : "") : verdict();
    }

    /** Sends {@code request} on a new connection to {@code peer} and classifies what comes back. */
    static Outcome of(Peer peer, byte[] request) throws IOException, InterruptedException {
        return of(peer, request, WAIT_MILLIS);
    }

    /** As {@link #of(Peer, byte[])}, waiting up to {@code waitMillis} for the answer. */
    static Outcome of(Peer peer, byte[] request, int waitMillis) throws IOException, InterruptedException {
        int status;
        int clientPort;
        try (Socket socket = freshSocket(peer.port())) {
            clientPort = socket.getLocalPort();
            socket.setSoTimeout(waitMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // closed while we were still sending: whatever it answered is still readable
            }
            status = firstStatus(socket.getInputStream());
        }
        return new Outcome(status, peer.probe.reachedFrom(clientPort, waitMillis));
    }

    /** A connection from a client port never used towards {@code serverPort} before. */
    private static Socket freshSocket(int serverPort) throws IOException {
        Set<Integer> used = USED_PORTS.computeIfAbsent(serverPort, p -> new HashSet<>());
        while (true) {
            Socket socket = new Socket("127.0.0.1", serverPort);
            if (used.add(socket.getLocalPort())) {
                return socket;
            }
            socket.setSoLinger(true, 0); // reset: this port stays ours until the fresh one is found
            socket.close();
        }
    }

    /** Reads up to the end of the first final (non-1xx) response's status line. */
    private static int firstStatus(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return CLOSED;
                }
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    int status = Integer.parseInt(text.substring(9, 12));
                    if (status >= 200 || text.toLowerCase(Locale.ROOT).startsWith("http/1.1 101")) {
                        return status;
                    }
                    head.reset(); // 100 Continue: the final response follows
                }
            }
        } catch (SocketTimeoutException e) {
            return head.size() == 0 ? WAITS : CLOSED;
        } catch (IOException e) {
            return CLOSED; // reset by the server: nothing usable came
        }
    }
}
