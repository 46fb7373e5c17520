package dev.pronto.servlet.multipart;

import dev.pronto.container.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A pull parser for a {@code multipart/*} body (RFC 2046 §5.1.1, RFC 7578) over a bounded window: the body is read
 * into one fixed buffer, part data is handed out as it is found and only the last {@code delimiter - 1} bytes are
 * held back (they may begin a delimiter), so memory stays constant whatever the body size. One thread; holds no
 * {@code ByteBuf} (the request's input stream releases every chunk it reads).
 * <pre>
 *   PREAMBLE --first()--> HEADERS --headers()--> BODY --body()--> AFTER_DELIMITER --next()--> HEADERS | END
 * </pre>
 */
final class MultipartStream {

    /** Receives the data of one part, in order; {@code data} is only valid during the call. */
    interface DataSink {
        void write(byte[] data, int offset, int length) throws IOException;
    }

    private static final int WINDOW = 64 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] CRLF_CRLF = {CR, LF, CR, LF};
    /** RFC 2046 §5.1.1: boundaries are 1 to 70 characters. */
    private static final int MAX_BOUNDARY = 70;

    private final InputStream in;
    private final byte[] delimiter;
    private final int maxHeaderBytes;
    private final long maxRequestSize;
    private final byte[] buf = new byte[WINDOW];
    private int head;
    private int tail;
    private boolean eof;
    private long received;

    /**
     * @param boundary       the {@code boundary} parameter of the content type
     * @param maxHeaderBytes the largest header section one part may have
     * @param maxRequestSize the most body bytes to read, {@code -1} for no limit
     */
    MultipartStream(InputStream in, String boundary, int maxHeaderBytes, long maxRequestSize) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new IllegalArgumentException("A multipart boundary must have 1 to 70 characters: " + boundary);
        }
        this.in = in;
        // RFC 2046 §5.1.1: the delimiter is CRLF "--" boundary; the CRLF belongs to it, not to the data before
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxHeaderBytes = Math.min(maxHeaderBytes, WINDOW - delimiter.length);
        this.maxRequestSize = maxRequestSize;
        // The first boundary may open the body with no CRLF before it: pretend there was one.
        buf[0] = CR;
        buf[1] = LF;
        tail = 2;
    }

    /** Body bytes read so far. */
    long received() {
        return received;
    }

    /** Skips the preamble up to the first delimiter; true if a part follows, false if the body closes at once. */
    boolean first() throws IOException {
        body(null);
        return next();
    }

    /**
     * Reads the header section of the part that starts here, up to and including its empty line, as raw bytes
     * ({@code [0, length)} of the returned array; the last CRLF CRLF not included).
     */
    byte[] headers() throws IOException {
        while (true) {
            if (tail - head >= 2 && buf[head] == CR && buf[head + 1] == LF) {
                head += 2; // RFC 2046 §5.1.1: no header fields at all
                return new byte[0];
            }
            int end = indexOf(CRLF_CRLF, head, Math.min(tail, head + maxHeaderBytes + 4));
            if (end >= 0) {
                byte[] section = new byte[end - head];
                System.arraycopy(buf, head, section, 0, section.length);
                head = end + 4;
                return section;
            }
            if (tail - head > maxHeaderBytes) {
                throw malformed("a part's header section is longer than " + maxHeaderBytes + " bytes");
            }
            if (!fill()) {
                throw malformed("the body ended inside a part's headers");
            }
        }
    }

    /** Hands the part's data to {@code sink} ({@code null} discards it) until the next delimiter, consumed too. */
    void body(DataSink sink) throws IOException {
        while (true) {
            int at = indexOf(delimiter, head, tail);
            if (at >= 0) {
                emit(sink, at - head);
                head = at + delimiter.length;
                return;
            }
            // No whole delimiter here; the last delimiter-1 bytes might start one, so keep them for the next fill.
            int safe = tail - (delimiter.length - 1);
            if (safe > head) {
                emit(sink, safe - head);
                head = safe;
            }
            if (!fill()) {
                throw malformed("the body ended before the closing boundary");
            }
        }
    }

    /**
     * After a delimiter: true if another part follows (transport padding and CRLF consumed), false for the close
     * delimiter ({@code --}), after which the epilogue is read and dropped.
     */
    boolean next() throws IOException {
        require(2);
        if (buf[head] == '-' && buf[head + 1] == '-') {
            head += 2;
            skipEpilogue();
            return false;
        }
        // RFC 2046 §5.1.1: linear white space may follow the boundary before the CRLF
        while (true) {
            require(1);
            if (buf[head] != ' ' && buf[head] != '\t') {
                break;
            }
            head++;
        }
        require(2);
        if (buf[head] != CR || buf[head + 1] != LF) {
            throw malformed("a boundary line does not end with CRLF");
        }
        head += 2;
        return true;
    }

    private void skipEpilogue() throws IOException {
        head = tail;
        while (fill()) {
            head = tail; // RFC 2046 §5.1.1: the epilogue is to be ignored
        }
    }

    private void emit(DataSink sink, int length) throws IOException {
        if (sink != null && length > 0) {
            sink.write(buf, head, length);
        }
    }

    private void require(int bytes) throws IOException {
        while (tail - head < bytes) {
            if (!fill()) {
                throw malformed("the body ended after a boundary");
            }
        }
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (head > 0) {
            System.arraycopy(buf, head, buf, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int n = in.read(buf, tail, buf.length - tail);
        if (n < 0) {
            eof = true;
            return false;
        }
        tail += n;
        received += n;
        if (maxRequestSize >= 0 && received > maxRequestSize) {
            throw MultipartLimits.requestTooLarge(maxRequestSize);
        }
        return true;
    }

    private int indexOf(byte[] pattern, int from, int to) {
        byte first = pattern[0];
        int last = to - pattern.length;
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            int j = 1;
            while (j < pattern.length && buf[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }

    private static RequestBodyException malformed(String detail) {
        return new RequestBodyException(400, "Malformed multipart body: " + detail);
    }
}
