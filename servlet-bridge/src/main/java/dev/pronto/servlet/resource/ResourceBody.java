package dev.pronto.servlet.resource;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a resource's bytes as the body of a response whose head is set: a file on disk to the container's own
 * response goes zero-copy (the head is committed with its {@code Content-Length}, then the file region is handed to
 * the exchange, which closes the channel, and the exchange ended); anything else (jar entries, wrapped responses
 * whose filters must see the body, includes) is streamed. Several ranges become {@code multipart/byteranges}
 * (RFC 9110 §14.6), streamed. Stateless; runs on the request's thread.
 */
final class ResourceBody {

    private static final int COPY_BUFFER = 32 * 1024;

    private ResourceBody() {
    }

    /**
     * Sends {@code length} bytes from {@code start}; the response's {@code Content-Length} must be set already when
     * {@link #bodyIsEmpty} said so. When the includer or a filter already took the writer, the bytes go through it
     * as text (decoded as UTF-8), as Tomcat's default servlet does.
     */
    static void send(ServletResponse response, StaticResource resource, long start, long length, boolean include)
            throws IOException {
        if (!include && resource.file() != null && length > 0
                && response instanceof HttpServletResponseImpl own && !own.isCommitted() && !own.hasBodyOutput()) {
            sendFile(own, resource, start, length);
            return;
        }
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            sendThroughWriter(response, resource, start, length);
            return;
        }
        try (InputStream in = resource.openStream()) {
            copy(in, start, length, out);
        }
    }

    /**
     * Whether the resource's length may be declared as the body's: not once a filter or includer wrote to the
     * response (or took its writer), whose bytes come first. A wrapper is looked through to the container's response.
     */
    static boolean bodyIsEmpty(ServletResponse response) {
        ServletResponse r = response;
        while (r instanceof jakarta.servlet.ServletResponseWrapper wrapper) {
            r = wrapper.getResponse();
        }
        return !(r instanceof HttpServletResponseImpl own) || !own.hasBodyOutput();
    }

    private static void sendThroughWriter(ServletResponse response, StaticResource resource, long start, long length)
            throws IOException {
        java.io.Writer writer = response.getWriter();
        try (InputStream in = resource.openStream()) {
            in.skipNBytes(start);
            InputStream limited = length < 0 ? in : new java.io.BufferedInputStream(in) {
                private long left = length;

                @Override
                public synchronized int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
            new java.io.InputStreamReader(limited, java.nio.charset.StandardCharsets.UTF_8).transferTo(writer);
        }
    }

    private static void sendFile(HttpServletResponseImpl response, StaticResource resource, long start, long length)
            throws IOException {
        FileChannel channel = resource.openChannel();
        try {
            response.flushBuffer(); // commits status and headers, Content-Length included: no chunking
            HttpExchange exchange = response.exchange();
            exchange.writeFile(channel, start, length); // the exchange owns the channel from here
            channel = null;
            exchange.end();
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Copies {@code length} bytes (all if {@code -1}) from {@code start} of {@code in}. */
    static void copy(InputStream in, long start, long length, OutputStream out) throws IOException {
        in.skipNBytes(start);
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, length < 0 ? COPY_BUFFER : Math.max(length, 1))];
        long remaining = length < 0 ? Long.MAX_VALUE : length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                if (length < 0) {
                    return;
                }
                throw new EOFException("The resource ended " + remaining + " bytes early");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    /** A {@code multipart/byteranges} body: its boundary, exact length, and writing. */
    static final class MultipartRanges {
        private final List<ByteRanges.Range> ranges;
        private final String contentType;
        private final long complete;
        private final String boundary = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);

        MultipartRanges(List<ByteRanges.Range> ranges, String contentType, long complete) {
            this.ranges = ranges;
            this.contentType = contentType;
            this.complete = complete;
        }

        String contentType() {
            return "multipart/byteranges; boundary=" + boundary;
        }

        long contentLength() {
            long total = closing().length();
            for (int i = 0; i < ranges.size(); i++) {
                total += partHead(i).length() + ranges.get(i).length();
            }
            return total;
        }

        void write(HttpServletResponse response, StaticResource resource) throws IOException {
            OutputStream out = response.getOutputStream();
            for (int i = 0; i < ranges.size(); i++) {
                ByteRanges.Range range = ranges.get(i);
                out.write(partHead(i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                try (InputStream in = resource.openStream()) {
                    copy(in, range.start(), range.length(), out);
                }
            }
            out.write(closing().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        /** RFC 2046 §5.1.1: the CRLF before a boundary belongs to the delimiter, so the first part has none. */
        private String partHead(int i) {
            return (i == 0 ? "" : "\r\n") + "--" + boundary + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Range: " + ranges.get(i).contentRange(complete) + "\r\n\r\n";
        }

        private String closing() {
            return "\r\n--" + boundary + "--\r\n";
        }
    }
}
