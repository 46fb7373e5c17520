package dev.pronto.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A raw HTTP/2 client over one socket (h2c with prior knowledge): writes frames byte by byte, so tests can send
 * what well-behaved clients never do (floods, resets, oversized header blocks), and reads frames back, decoding
 * HEADERS with HPACK. Answers the server's SETTINGS with an ACK and, unless told not to, returns every DATA byte to
 * the windows at once. One thread at a time; every read has a timeout.
 */
public final class RawHttp2Connection implements AutoCloseable {

    public static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7,
            WINDOW_UPDATE = 8, CONTINUATION = 9;
    public static final int END_STREAM = 1, ACK = 1, END_HEADERS = 4;

    /** One frame as read; {@code headers} is set for HEADERS (and the CONTINUATIONs it absorbed). */
    public record Frame(int type, int flags, int streamId, byte[] payload, Http2Headers headers) {
        public boolean endStream() {
            return (flags & END_STREAM) != 0;
        }

        /** The error code of a RST_STREAM or GOAWAY frame. */
        public long errorCode() {
            int at = type == GOAWAY ? 4 : 0;
            return ((payload[at] & 0xffL) << 24) | ((payload[at + 1] & 0xff) << 16) | ((payload[at + 2] & 0xff) << 8)
                    | (payload[at + 3] & 0xff);
        }
    }

    /** A whole response of one stream. */
    public record Response(int streamId, Http2Headers headers, byte[] body, Http2Headers trailers, Long resetCode) {
        public int status() {
            return Integer.parseInt(headers.status().toString());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            CharSequence v = headers.get(name);
            return v == null ? null : v.toString();
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final DefaultHttp2HeadersEncoder encoder =
            new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, true);
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false, 1 << 20);
    private final Map<Integer, ArrayDeque<Frame>> pending = new HashMap<>();
    private final ArrayDeque<Frame> connectionFrames = new ArrayDeque<>();
    private boolean autoWindowUpdate = true;
    private int nextStreamId = 1;

    private RawHttp2Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** Connects, sends the client preface and an empty SETTINGS frame. */
    public static RawHttp2Connection open(int port) throws IOException {
        return open(port, 0);
    }

    /** As {@link #open(int)}, with a small socket receive buffer if {@code receiveBuffer} > 0 (flood tests). */
    public static RawHttp2Connection open(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        RawHttp2Connection c = new RawHttp2Connection(socket);
        c.out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        c.frame(SETTINGS, 0, 0, new byte[0]);
        return c;
    }

    /**
     * Goes on over {@code socket} after a {@code 101} to h2c, whose head the caller read (RFC 7540 §3.2): sends the
     * client preface and an empty SETTINGS frame; stream 1 is the upgrade request's, the next stream is 3.
     */
    public static RawHttp2Connection afterUpgrade(Socket socket) throws IOException {
        RawHttp2Connection c = new RawHttp2Connection(socket);
        c.nextStreamId = 3;
        c.out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        c.frame(SETTINGS, 0, 0, new byte[0]);
        return c;
    }

    /** Whether DATA is returned to the windows as it is read (default true). */
    public RawHttp2Connection autoWindowUpdate(boolean on) {
        this.autoWindowUpdate = on;
        return this;
    }

    public RawHttp2Connection timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    public int nextStreamId() {
        int id = nextStreamId;
        nextStreamId += 2;
        return id;
    }

    /** Request headers for {@code method} and {@code path} on authority {@code t}, scheme http. */
    public static Http2Headers request(String method, String path) {
        return new DefaultHttp2Headers().method(method).path(path).scheme("http").authority("t");
    }

    /** Sends a GET and returns its stream id. */
    public int get(String path) throws IOException {
        int id = nextStreamId();
        headers(id, request("GET", path), true);
        return id;
    }

    public void headers(int streamId, Http2Headers headers, boolean endStream) throws IOException {
        frame(HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), streamId, hpack(streamId, headers));
    }

    /** The HPACK block of {@code headers}, from this connection's encoder (its dynamic table grows). */
    public byte[] hpack(int streamId, Http2Headers headers) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.encodeHeaders(streamId, headers, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } catch (Http2Exception e) {
            throw new IOException(e);
        } finally {
            buf.release();
        }
    }

    /** Sends {@code bytes} as DATA frames of at most 16 KiB (the default SETTINGS_MAX_FRAME_SIZE). */
    public void data(int streamId, byte[] bytes, boolean endStream) throws IOException {
        int at = 0;
        do {
            int n = Math.min(16_384, bytes.length - at);
            boolean last = at + n == bytes.length;
            frame(DATA, endStream && last ? END_STREAM : 0, streamId, java.util.Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        } while (at < bytes.length);
    }

    public void rst(int streamId, long code) throws IOException {
        frame(RST_STREAM, 0, streamId, int32(code));
    }

    public void ping(long payload) throws IOException {
        byte[] p = new byte[8];
        for (int i = 0; i < 8; i++) {
            p[i] = (byte) (payload >>> (56 - 8 * i));
        }
        frame(PING, 0, 0, p);
    }

    public void windowUpdate(int streamId, int increment) throws IOException {
        frame(WINDOW_UPDATE, 0, streamId, int32(increment));
    }

    /** Writes one frame (RFC 9113 §4.1): 24-bit length, type, flags, 31-bit stream id, payload. */
    public void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
        out.write(encode(type, flags, streamId, payload));
        out.flush();
    }

    /** Writes {@code bytes} as they are (e.g. many encoded frames at once). */
    public void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The bytes of one frame, for {@link #raw}. */
    public static byte[] encode(int type, int flags, int streamId, byte[] payload) {
        byte[] h = new byte[9 + payload.length];
        h[0] = (byte) (payload.length >>> 16);
        h[1] = (byte) (payload.length >>> 8);
        h[2] = (byte) payload.length;
        h[3] = (byte) type;
        h[4] = (byte) flags;
        h[5] = (byte) (streamId >>> 24);
        h[6] = (byte) (streamId >>> 16);
        h[7] = (byte) (streamId >>> 8);
        h[8] = (byte) streamId;
        System.arraycopy(payload, 0, h, 9, payload.length);
        return h;
    }

    private static byte[] int32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** Reads the next frame from the socket, acknowledging SETTINGS and returning DATA to the windows. */
    public Frame readFrame() throws IOException {
        int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int streamId = in.readInt() & 0x7fffffff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        try {
            if (type == SETTINGS && (flags & ACK) == 0) {
                frame(SETTINGS, ACK, 0, new byte[0]);
            }
            if (type == DATA && autoWindowUpdate && length > 0) {
                windowUpdate(0, length);
                if ((flags & END_STREAM) == 0) {
                    windowUpdate(streamId, length);
                }
            }
        } catch (java.net.SocketException closed) {
            // the server closed its side already: what it sent before is still worth reading
        }
        Http2Headers headers = null;
        if (type == HEADERS) {
            headers = decodeHeaders(streamId, flags, payload);
        }
        return new Frame(type, flags, streamId, payload, headers);
    }

    private Http2Headers decodeHeaders(int streamId, int flags, byte[] payload) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(payload, 0, payload.length); // the server sends neither padding nor priority
        while ((flags & END_HEADERS) == 0) {
            Frame next = readFrame();
            block.write(next.payload(), 0, next.payload().length);
            flags = next.flags();
        }
        ByteBuf buf = Unpooled.wrappedBuffer(block.toByteArray());
        try {
            return decoder.decodeHeaders(streamId, buf);
        } catch (Http2Exception e) {
            throw new IOException(e);
        } finally {
            buf.release();
        }
    }

    /** The next frame of {@code streamId} (0: of the connection, SETTINGS and PING ACKs skipped), keeping others. */
    public Frame readFrame(int streamId) throws IOException {
        ArrayDeque<Frame> queued = streamId == 0 ? connectionFrames : pending.get(streamId);
        if (queued != null && !queued.isEmpty()) {
            return queued.poll();
        }
        while (true) {
            Frame f = readFrame();
            if (f.streamId() == streamId && !(streamId == 0 && f.type() == SETTINGS)) {
                return f;
            }
            if (f.streamId() == 0) {
                if (f.type() == GOAWAY || f.type() == PING) {
                    connectionFrames.add(f);
                }
            } else {
                pending.computeIfAbsent(f.streamId(), k -> new ArrayDeque<>()).add(f);
            }
        }
    }

    /** Reads frames of {@code streamId} until it ends (END_STREAM or RST_STREAM). */
    public Response response(int streamId) throws IOException {
        Http2Headers headers = null;
        Http2Headers trailers = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            Frame f = readFrame(streamId);
            if (f.type() == RST_STREAM) {
                return new Response(streamId, headers, body.toByteArray(), trailers, f.errorCode());
            }
            if (f.type() == HEADERS) {
                if (headers == null || headers.status() != null && headers.status().charAt(0) == '1') {
                    headers = f.headers();
                } else {
                    trailers = f.headers();
                }
            } else if (f.type() == DATA) {
                body.write(f.payload(), 0, f.payload().length);
            }
            if (f.endStream()) {
                return new Response(streamId, headers, body.toByteArray(), trailers, null);
            }
        }
    }

    /** Reads until a GOAWAY arrives and returns it; fails if the connection ends without one. */
    public Frame goAway() throws IOException {
        while (true) {
            Frame f = readFrame(0);
            if (f.type() == GOAWAY) {
                return f;
            }
        }
    }

    /** True if the server closed the connection (end of stream or reset) within the socket timeout. */
    public boolean isClosedByServer() {
        try {
            while (true) {
                readFrame();
            }
        } catch (EOFException | java.net.SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
