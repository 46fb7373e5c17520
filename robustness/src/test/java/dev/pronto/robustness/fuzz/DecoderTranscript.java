package dev.pronto.robustness.fuzz;

import dev.pronto.container.http1.Http1DecodeError;
import dev.pronto.container.http1.Http1RequestDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs bytes through a fresh {@link Http1RequestDecoder} on an {@link EmbeddedChannel}, delivered in the given
 * pieces, checks every invariant of its output on the way and returns it as a {@link Transcript}. Every message the
 * decoder emits is released here, and every input buffer must be fully released by the end. One thread.
 */
final class DecoderTranscript {

    /** The statuses the decoder may answer a broken request with. */
    private static final List<Integer> ERROR_STATUSES = List.of(400, 413, 414, 431, 501, 505);

    /** One decoded request: its head, its body bytes, and how the body ended. */
    record Request(String method, String target, String version, List<Map.Entry<String, String>> headers,
                   boolean hasBody, byte[] body, BodyEnd end) {

        String line() {
            return method + ' ' + target + ' ' + version;
        }
    }

    /** How a request's body ended: complete (or none), cut off by the end of input, or broken by a decode error. */
    enum BodyEnd { COMPLETE, INCOMPLETE, BROKEN }

    /** Everything the decoder made of one input: the requests in order, then the error status or 0. */
    record Transcript(List<Request> requests, int errorStatus) {

        /** Requests whose body (or lack of one) was fully framed. */
        long completeRequests() {
            return requests.stream().filter(r -> r.end() == BodyEnd.COMPLETE).count();
        }

        /** A canonical text form: equal transcripts have equal text, whatever the input's segmentation. */
        String describe() {
            return describeRequests() + "error=" + errorStatus;
        }

        /** The requests alone, one line each. */
        String describeRequests() {
            StringBuilder sb = new StringBuilder();
            for (Request r : requests) {
                sb.append(r.line()).append(' ').append(r.headers()).append(" body=")
                        .append(HttpBytes.printable(r.body())).append(' ').append(r.end()).append('\n');
            }
            return sb.toString();
        }
    }

    private final int maxUriLength;
    private final int maxHeaderSize;
    private final long maxBodySize;

    DecoderTranscript(int maxUriLength, int maxHeaderSize, long maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize;
        this.maxBodySize = maxBodySize;
    }

    /** Decodes {@code data} cut at the (ascending, in-range) offsets in {@code cuts}. */
    Transcript decode(byte[] data, int[] cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1RequestDecoder(maxUriLength, maxHeaderSize, maxBodySize));
        List<ByteBuf> inputs = new ArrayList<>();
        Collector collector = new Collector();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : data.length;
            if (to > from) {
                ByteBuf piece = Unpooled.buffer(to - from).writeBytes(data, from, to - from);
                inputs.add(piece);
                // No exception may escape the decoder: its errors travel as Http1DecodeError messages.
                channel.writeInbound(piece);
                channel.checkException();
                drain(channel, collector);
            }
            from = Math.max(from, to);
        }
        channel.finish();
        drain(channel, collector);
        for (ByteBuf input : inputs) {
            check(input.refCnt() == 0, "an input buffer was not released: refCnt " + input.refCnt());
        }
        return collector.finish();
    }

    private static void drain(EmbeddedChannel channel, Collector collector) {
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            try {
                collector.accept(msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Checks the order and the form of the decoder's messages, and assembles the transcript. */
    private static final class Collector {
        private final List<Request> requests = new ArrayList<>();
        private HttpRequest head;
        private ByteArrayOutputStream body;
        private int errorStatus;

        void accept(Object msg) {
            check(errorStatus == 0, "a message after the decode error: " + msg.getClass().getSimpleName());
            if (msg instanceof Http1DecodeError error) {
                errorStatus = error.status().code();
                check(ERROR_STATUSES.contains(errorStatus), "unexpected error status " + errorStatus);
                check(error.detail().length() < 200, "an overlong error detail");
                if (head != null) {
                    finishRequest(BodyEnd.BROKEN);
                }
                return;
            }
            if (msg instanceof HttpRequest request) {
                check(head == null, "a request head while the previous body is still open");
                RequestChecks.checkHead(request);
                if (msg instanceof FullHttpRequest full) {
                    check(!full.content().isReadable(), "a FullHttpRequest with content");
                    requests.add(new Request(request.method().name(), request.uri(), request.protocolVersion().text(),
                            RequestChecks.headerList(request.headers()), false, new byte[0], BodyEnd.COMPLETE));
                    return;
                }
                RequestChecks.checkBodyFraming(request);
                head = request;
                body = new ByteArrayOutputStream();
                return;
            }
            check(msg instanceof HttpContent, "an unexpected message " + msg.getClass().getName());
            check(head != null, "body content without a request head");
            HttpContent content = (HttpContent) msg;
            ByteBuf bytes = content.content();
            byte[] copy = new byte[bytes.readableBytes()];
            bytes.getBytes(bytes.readerIndex(), copy);
            body.writeBytes(copy);
            if (msg instanceof LastHttpContent last) {
                RequestChecks.checkTrailers(last.trailingHeaders());
                RequestChecks.checkBodyLength(head, body.size());
                finishRequest(BodyEnd.COMPLETE);
            }
        }

        private void finishRequest(BodyEnd end) {
            requests.add(new Request(head.method().name(), head.uri(), head.protocolVersion().text(),
                    RequestChecks.headerList(head.headers()), true, body.toByteArray(), end));
            head = null;
            body = null;
        }

        Transcript finish() {
            if (head != null) {
                finishRequest(BodyEnd.INCOMPLETE);
            }
            return new Transcript(List.copyOf(requests), errorStatus);
        }
    }
}
