package dev.pronto.servlet.response.compression;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The body of a response that may be gzip-coded. The coding is chosen once, at the first moment it can be: when
 * the first byte is written (a known length or an ineligible response decides at once), when the body reaches the
 * minimum size, on an explicit flush (length unknown), or at the end (length known).
 * <pre>
 *   UNDECIDED --small/ineligible--> IDENTITY --finish()--> FINISHED
 *       \------big/unknown/flush--> GZIP     --finish()--> FINISHED
 *   any --sendError/reset/failure--> DISCARDING (later writes are dropped)
 * </pre>
 * Used by the thread running the request (one at a time); the underlying stream owns every buffer it is given.
 */
final class GzipOutputStream extends ServletOutputStream {

    private enum Mode { UNDECIDED, IDENTITY, GZIP, DISCARDING, FINISHED }

    private final GzipResponseWrapper response;
    private final int minSize;
    private Mode mode = Mode.UNDECIDED;
    private byte[] pending;
    private int pendingLength;
    private GZIPOutputStream gzip;
    private CodedTarget coded;
    private boolean finishing;

    GzipOutputStream(GzipResponseWrapper response, int minSize) {
        this.response = response;
        this.minSize = minSize;
    }

    boolean isCompressing() {
        return mode == Mode.GZIP;
    }

    boolean isIdentity() {
        return mode == Mode.IDENTITY;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        switch (mode) {
            case UNDECIDED -> writeUndecided(b, off, len);
            case IDENTITY -> response.target().write(b, off, len);
            case GZIP -> gzip.write(b, off, len);
            case DISCARDING -> { }
            case FINISHED -> throw new IOException("The response output stream is closed");
        }
    }

    private void writeUndecided(byte[] b, int off, int len) throws IOException {
        long declared = response.declaredLength();
        if (!response.mayCompress()) {
            choose(false);
        } else if (declared >= 0) {
            choose(declared >= minSize);
        } else if (pendingLength + len >= minSize) {
            choose(true);
        } else {
            hold(b, off, len);
            return;
        }
        write(b, off, len);
    }

    private void hold(byte[] b, int off, int len) {
        if (pending == null) {
            pending = new byte[Math.max(Math.min(minSize, 512), len)];
        } else if (pending.length < pendingLength + len) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
        }
        System.arraycopy(b, off, pending, pendingLength, len);
        pendingLength += len;
    }

    /** Settles the coding ({@code big}: the body is large enough or of unknown length) and sends what was held. */
    private void choose(boolean big) throws IOException {
        if (big && response.startGzip()) {
            coded = new CodedTarget(response.target());
            gzip = new GZIPOutputStream(coded, 8192, true); // syncFlush: flush() pushes out what was deflated
            mode = Mode.GZIP;
        } else {
            response.startIdentity();
            mode = Mode.IDENTITY;
        }
        if (pendingLength > 0) {
            byte[] held = pending;
            int length = pendingLength;
            pending = null;
            pendingLength = 0;
            write(held, 0, length);
        }
    }

    /** An explicit flush: the length is still unknown, so the coding is chosen now. */
    @Override
    public void flush() throws IOException {
        if (finishing || mode == Mode.DISCARDING || mode == Mode.FINISHED) {
            return;
        }
        if (mode == Mode.UNDECIDED) {
            if (pendingLength == 0 && response.getContentType() == null) {
                return; // nothing to decide on yet; the head stays open
            }
            long declared = response.declaredLength();
            choose(declared < 0 || declared >= minSize);
        }
        if (mode == Mode.GZIP) {
            gzip.flush();
        }
        response.target().flush();
    }

    /** The end of the body: settles a pending choice (the length is now known) and writes the gzip trailer. */
    void finish() throws IOException {
        switch (mode) {
            case UNDECIDED -> {
                if (pendingLength > 0) {
                    choose(pendingLength >= minSize);
                } else {
                    response.startIdentity(); // no body: nothing to code
                    mode = Mode.IDENTITY;
                }
            }
            case GZIP -> {
                gzip.finish();
                gzip.close(); // ends the Deflater (native memory); CodedTarget never closes the servlet stream
            }
            default -> { }
        }
        if (mode != Mode.DISCARDING) {
            mode = Mode.FINISHED;
        }
    }

    /** Lets the writer push its encoded characters without that counting as the application's flush. */
    void finishing(boolean on) {
        this.finishing = on;
    }

    /**
     * Drops the body: buffered bytes and an open deflater go; whatever reaches this stream later is ignored.
     * Used for {@code sendError}, {@code sendRedirect} and a request that failed.
     */
    void discard() {
        pending = null;
        pendingLength = 0;
        endGzip();
        mode = Mode.DISCARDING;
    }

    /** {@code resetBuffer()}: back to undecided, the compressed prefix (if any) is dropped with the servlet buffer. */
    void reset() {
        pending = null;
        pendingLength = 0;
        endGzip();
        mode = Mode.UNDECIDED;
    }

    private void endGzip() {
        if (gzip != null) {
            coded.discard = true;
            try {
                gzip.close();
            } catch (IOException ignored) {
                // nothing reaches the client: the target drops every byte now
            }
            gzip = null;
            coded = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (mode == Mode.FINISHED) {
            return;
        }
        if (response.writerInUse()) {
            response.flushWriter();
        }
        finish();
        response.target().close(); // Servlet 6.1 §5.7: closing the stream completes the response
    }

    @Override
    public boolean isReady() {
        try {
            return response.target().isReady();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        try {
            response.target().setWriteListener(listener);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the deflater writes: the servlet stream, never closed from here, silenced once discarded. */
    private static final class CodedTarget extends OutputStream {
        private final ServletOutputStream out;
        boolean discard;

        CodedTarget(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!discard) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!discard) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!discard) {
                out.flush();
            }
        }

        @Override
        public void close() {
            // the servlet stream is closed by the container (or by the application through us)
        }
    }
}
