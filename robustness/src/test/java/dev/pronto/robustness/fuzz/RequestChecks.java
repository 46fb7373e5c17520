package dev.pronto.robustness.fuzz;

import static dev.pronto.robustness.fuzz.DecoderTranscript.check;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every request the decoder lets through must look like (RFC 9112 §3, §5, §6): the grammar of its request
 * line and fields, and a body framing that is exactly one of none, Content-Length or chunked. Stateless.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /** RFC 9110 §5.6.2: tchar. */
    static boolean isTchar(char c) {
        return c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> isTchar((char) c));
    }

    static void checkHead(HttpRequest request) {
        String method = request.method().name();
        check(isToken(method), "method is not a token: " + HttpBytes.printable(method));
        String target = request.uri();
        check(!target.isEmpty(), "empty request-target");
        // RFC 9112 §3.2: the target has no whitespace or controls. Bytes above 0x7F are let through on purpose
        // (raw UTF-8 paths from lax clients, as Tomcat and Jetty do), so only those are checked here.
        check(target.chars().allMatch(c -> c > 0x20 && c != 0x7f && c <= 0xff),
                "request-target with a space or control: " + HttpBytes.printable(target));
        String version = request.protocolVersion().text();
        check(version.equals("HTTP/1.1") || version.equals("HTTP/1.0"), "unexpected version " + version);
        checkFields(request.headers(), "header");
        long hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
        check(hosts <= 1, "more than one Host passed");
        check(hosts == 1 || version.equals("HTTP/1.0"), "an HTTP/1.1 request without Host passed");
        if (request instanceof FullHttpRequest) {
            check(!request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING),
                    "a request with Transfer-Encoding but no body");
            String length = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            check(length == null || contentLength(request) == 0, "a request with Content-Length but no body");
        }
    }

    static void checkTrailers(HttpHeaders trailers) {
        checkFields(trailers, "trailer");
    }

    private static void checkFields(HttpHeaders headers, String what) {
        for (Map.Entry<String, String> field : headers) {
            check(isToken(field.getKey()), what + " name is not a token: " + HttpBytes.printable(field.getKey()));
            String value = field.getValue();
            // RFC 9110 §5.5: no CR, LF, NUL or other controls but HTAB; OWS around the value is not part of it
            check(value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f),
                    what + " value with a control: " + HttpBytes.printable(value));
            check(value.isEmpty() || !isOws(value.charAt(0)) && !isOws(value.charAt(value.length() - 1)),
                    what + " value keeps surrounding whitespace: " + HttpBytes.printable(value));
        }
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 9112 §6.3: a head followed by content is framed by exactly one of Content-Length and chunked. */
    static void checkBodyFraming(HttpRequest request) {
        HttpHeaders headers = request.headers();
        boolean te = headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
        boolean cl = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
        check(te != cl, "a body framed by " + (te ? "both Content-Length and chunked" : "neither"));
        check(request.protocolVersion().text().equals("HTTP/1.1") || !te, "chunked framing in HTTP/1.0");
        if (cl) {
            check(contentLength(request) > 0, "a body announced with Content-Length 0");
        }
    }

    /** The body's length must be the declared Content-Length, when there is one. */
    static void checkBodyLength(HttpRequest request, long received) {
        if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            long declared = contentLength(request);
            check(declared == received, "Content-Length " + declared + " but " + received + " body bytes");
        }
    }

    /** The one value of every Content-Length line (RFC 9110 §8.6 lets a list of identical values through). */
    static long contentLength(HttpRequest request) {
        long value = -1;
        for (String line : request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH)) {
            for (String member : line.split(",", -1)) {
                String digits = member.strip();
                check(!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9'),
                        "Content-Length is not a number: " + HttpBytes.printable(line));
                long parsed = Long.parseLong(digits);
                check(value < 0 || parsed == value, "differing Content-Length values passed: " + line);
                value = parsed;
            }
        }
        return value;
    }

    static List<Map.Entry<String, String>> headerList(HttpHeaders headers) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (Map.Entry<String, String> field : headers) {
            list.add(Map.entry(field.getKey(), field.getValue()));
        }
        return list;
    }
}
