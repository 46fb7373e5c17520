package dev.pronto.robustness.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of tricky requests sent to every peer: request line, targets, versions, field syntax, Host rules,
 * Content-Length and Transfer-Encoding combinations, chunk syntax, whitespace and control bytes, long lines. Each
 * case is one complete request (so that no server needs to wait for more), sometimes followed by a second one.
 * Ids are stable: the expected-disagreement list refers to them. Built once; immutable.
 */
final class DifferentialCorpus {

    /** One request to send; {@code id} names it in reports and in the expected list. */
    record Case(String id, byte[] bytes) {
    }

    private static final String H = "Host: a\r\n";

    private final Map<String, Case> cases = new LinkedHashMap<>();

    static List<Case> all() {
        DifferentialCorpus corpus = new DifferentialCorpus();
        corpus.requestLines();
        corpus.versions();
        corpus.targets();
        corpus.fieldSyntax();
        corpus.hostRules();
        corpus.contentLength();
        corpus.transferEncoding();
        corpus.chunks();
        corpus.controlBytes();
        corpus.longLines();
        corpus.methodsAndMisc();
        return List.copyOf(corpus.cases.values());
    }

    private void add(String id, String request) {
        add(id, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void add(String id, byte[] request) {
        if (cases.putIfAbsent(id, new Case(id, request)) != null) {
            throw new IllegalStateException("duplicate case id " + id);
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\n" + H + "\r\n";
    }

    private void requestLines() {
        add("line-baseline", get("/"));
        add("line-lowercase-method", "get / HTTP/1.1\r\n" + H + "\r\n");
        add("line-unknown-method", "FOO / HTTP/1.1\r\n" + H + "\r\n");
        add("line-method-with-paren", "GE(T / HTTP/1.1\r\n" + H + "\r\n");
        add("line-method-with-slash", "GE/T / HTTP/1.1\r\n" + H + "\r\n");
        add("line-empty-method", " / HTTP/1.1\r\n" + H + "\r\n");
        add("line-leading-space", " GET / HTTP/1.1\r\n" + H + "\r\n");
        add("line-two-spaces-after-method", "GET  / HTTP/1.1\r\n" + H + "\r\n");
        add("line-two-spaces-before-version", "GET /  HTTP/1.1\r\n" + H + "\r\n");
        add("line-tab-after-method", "GET\t/ HTTP/1.1\r\n" + H + "\r\n");
        add("line-tab-before-version", "GET /\tHTTP/1.1\r\n" + H + "\r\n");
        add("line-trailing-space", "GET / HTTP/1.1 \r\n" + H + "\r\n");
        add("line-no-version", "GET /\r\n" + H + "\r\n");
        add("line-no-target", "GET HTTP/1.1\r\n" + H + "\r\n");
        add("line-extra-token", "GET / HTTP/1.1 x\r\n" + H + "\r\n");
        add("line-bare-lf-everywhere", "GET / HTTP/1.1\n" + "Host: a\n\n");
        add("line-bare-lf-after-line", "GET / HTTP/1.1\n" + H + "\r\n");
        add("line-bare-cr-after-line", "GET / HTTP/1.1\r" + H + "\r\n");
        add("line-one-leading-crlf", "\r\n" + get("/"));
        add("line-two-leading-crlf", "\r\n\r\n" + get("/"));
        add("line-leading-lf", "\n" + get("/"));
        add("line-long-method", "A".repeat(300) + " / HTTP/1.1\r\n" + H + "\r\n");
        add("line-pipelined-two", get("/1") + get("/2"));
        add("line-pipelined-garbage-after", get("/1") + "\u0001\u0002garbage\r\n\r\n");
    }

    private void versions() {
        for (String v : List.of("HTTP/1.0", "HTTP/1.2", "HTTP/1.9", "HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/9.9",
                "http/1.1", "HTTP/1.10", "HTTP/01.1", "HTTP/1", "HTTP/1.1x", "HTTP/1.a", "HTTPS/1.1", "HTTP/ 1.1",
                "HTTP\\1.1", "HTTP/1.1.1", "HTTP/+1.1")) {
            add("version-" + v.replace("/", "_").replace(" ", "-sp-").replace("\\", "-bs-"),
                    "GET / " + v + "\r\n" + H + "\r\n");
        }
        add("version-0.9-simple-request", "GET /\r\n\r\n");
    }

    private void targets() {
        String[] plain = {
            "/a%20b", "/a%zz", "/a%", "/a%2", "/%00", "/a%2Fb", "/a%2fb", "/a;p=1", "/a?b=c&d=e", "/a?", "/a??b",
            "/a#frag", "/a?b#frag", "/..", "/../etc/passwd", "/a/../..", "/./a", "//a", "/a//b", "/a/./b",
            "/%2e%2e/x", "/%2E%2E%2Fx", "/a\\b", "/a?b\\c", "/~user", "/a:b", "/a@b", "/a!$&'()*+,;=",
            "/a[b]", "/a?b[c]", "/%e2%82%ac", "/a b", "*", "a", "example.com", "?a", "#a", "/" + "a".repeat(2000),
        };
        for (int i = 0; i < plain.length; i++) {
            add("target-" + i + "-" + printable(plain[i]), get(plain[i]));
        }
        // RFC 3986 §2.2 and §2.4: characters that must be percent-encoded; servers differ in how lax they are
        for (char c : "\"<>^`{|}".toCharArray()) {
            add("target-path-char-" + Integer.toHexString(c), get("/a" + c + "b"));
            add("target-query-char-" + Integer.toHexString(c), get("/a?b" + c + "c"));
        }
        add("target-raw-utf8", get("/\u00c3\u00a9"));
        add("target-raw-latin1", get("/\u00e9"));
        add("target-raw-utf8-query", get("/a?q=\u00c3\u00a9"));
        add("target-absolute-http", "GET http://a/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-https", "GET https://a/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-upper-scheme", "GET HTTP://a/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-no-path", "GET http://a HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-with-port", "GET http://a:8080/x HTTP/1.1\r\nHost: a:8080\r\n\r\n");
        add("target-absolute-query-only", "GET http://a?x=1 HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-ftp", "GET ftp://a/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-userinfo", "GET http://u:p@a/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-empty-host", "GET http:///x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-host-mismatch", "GET http://b/x HTTP/1.1\r\n" + H + "\r\n");
        add("target-absolute-no-host-header", "GET http://a/x HTTP/1.1\r\n\r\n");
        add("target-absolute-http10-no-host", "GET http://a/x HTTP/1.0\r\n\r\n");
        add("target-asterisk-options", "OPTIONS * HTTP/1.1\r\n" + H + "\r\n");
        add("target-asterisk-get", "GET * HTTP/1.1\r\n" + H + "\r\n");
        add("target-authority-get", "GET a:80 HTTP/1.1\r\n" + H + "\r\n");
        add("target-authority-connect", "CONNECT a:80 HTTP/1.1\r\nHost: a:80\r\n\r\n");
        add("target-origin-connect", "CONNECT / HTTP/1.1\r\n" + H + "\r\n");
    }

    private void fieldSyntax() {
        add("field-no-colon", "GET / HTTP/1.1\r\n" + H + "NoColon\r\n\r\n");
        add("field-empty-name", "GET / HTTP/1.1\r\n" + H + ": v\r\n\r\n");
        add("field-space-before-colon", "GET / HTTP/1.1\r\n" + H + "X-A : v\r\n\r\n");
        add("field-tab-before-colon", "GET / HTTP/1.1\r\n" + H + "X-A\t: v\r\n\r\n");
        add("field-space-in-name", "GET / HTTP/1.1\r\n" + H + "X A: v\r\n\r\n");
        add("field-underscore-name", "GET / HTTP/1.1\r\n" + H + "X_A: v\r\n\r\n");
        add("field-utf8-name", "GET / HTTP/1.1\r\n" + H + "X-\u00c3\u00a9: v\r\n\r\n");
        for (char c : "()<>@,;\"/[]?={}".toCharArray()) {
            add("field-name-char-" + Integer.toHexString(c), "GET / HTTP/1.1\r\n" + H + "X" + c + "A: v\r\n\r\n");
        }
        add("field-obs-fold", "GET / HTTP/1.1\r\n" + H + "X-A: one\r\n two\r\n\r\n");
        add("field-obs-fold-tab", "GET / HTTP/1.1\r\n" + H + "X-A: one\r\n\ttwo\r\n\r\n");
        add("field-first-line-folded", "GET / HTTP/1.1\r\n X-A: v\r\n" + H + "\r\n");
        add("field-empty-value", "GET / HTTP/1.1\r\n" + H + "X-A:\r\n\r\n");
        add("field-no-space-after-colon", "GET / HTTP/1.1\r\n" + H + "X-A:v\r\n\r\n");
        add("field-trailing-whitespace", "GET / HTTP/1.1\r\n" + H + "X-A: v \t \r\n\r\n");
        add("field-value-latin1", "GET / HTTP/1.1\r\n" + H + "X-A: caf\u00e9\r\n\r\n");
        add("field-value-utf8", "GET / HTTP/1.1\r\n" + H + "X-A: caf\u00c3\u00a9\r\n\r\n");
        add("field-value-bare-cr", "GET / HTTP/1.1\r\n" + H + "X-A: a\rb\r\n\r\n");
        add("field-bare-lf-line", "GET / HTTP/1.1\r\n" + H + "X-A: v\n\r\n");
        add("field-duplicate-names", "GET / HTTP/1.1\r\n" + H + "X-A: 1\r\nX-A: 2\r\n\r\n");
        add("field-many", "GET / HTTP/1.1\r\n" + H + "X-A: v\r\n".repeat(90) + "\r\n");
        add("field-blank-line-with-space", "GET / HTTP/1.1\r\n" + H + " \r\n\r\n");
        add("field-colon-only", "GET / HTTP/1.1\r\n" + H + ":\r\n\r\n");
    }

    private void hostRules() {
        add("host-missing-11", "GET / HTTP/1.1\r\n\r\n");
        add("host-missing-10", "GET / HTTP/1.0\r\n\r\n");
        add("host-two-lines", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n");
        add("host-two-lines-differing", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        add("host-list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n");
        add("host-empty", "GET / HTTP/1.1\r\nHost:\r\n\r\n");
        add("host-port", "GET / HTTP/1.1\r\nHost: a:8080\r\n\r\n");
        add("host-bad-port", "GET / HTTP/1.1\r\nHost: a:b\r\n\r\n");
        add("host-empty-port", "GET / HTTP/1.1\r\nHost: a:\r\n\r\n");
        add("host-huge-port", "GET / HTTP/1.1\r\nHost: a:99999999\r\n\r\n");
        add("host-userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n");
        add("host-space-inside", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n");
        add("host-ipv6", "GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n");
        add("host-ipv6-unclosed", "GET / HTTP/1.1\r\nHost: [::1:80\r\n\r\n");
        add("host-slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n");
        add("host-underscore", "GET / HTTP/1.1\r\nHost: a_b\r\n\r\n");
        add("host-trailing-dot", "GET / HTTP/1.1\r\nHost: a.\r\n\r\n");
        add("host-percent", "GET / HTTP/1.1\r\nHost: a%41\r\n\r\n");
        add("host-utf8", "GET / HTTP/1.1\r\nHost: \u00c3\u00a9\r\n\r\n");
        add("host-uppercase-name", "GET / HTTP/1.1\r\nHOST: a\r\n\r\n");
    }

    private static String post(String fields, String body) {
        return "POST / HTTP/1.1\r\n" + H + fields + "\r\n" + body;
    }

    private void contentLength() {
        add("cl-valid", post("Content-Length: 5\r\n", "hello"));
        add("cl-zero", post("Content-Length: 0\r\n", ""));
        add("cl-leading-zeros", post("Content-Length: 005\r\n", "hello"));
        add("cl-plus", post("Content-Length: +5\r\n", "hello"));
        add("cl-minus", post("Content-Length: -5\r\n", "hello"));
        add("cl-hex", post("Content-Length: 0x5\r\n", "hello"));
        add("cl-letters", post("Content-Length: five\r\n", "hello"));
        add("cl-empty", post("Content-Length:\r\n", "hello"));
        add("cl-space-inside", post("Content-Length: 5 5\r\n", "hello"));
        add("cl-decimal", post("Content-Length: 5.0\r\n", "hello"));
        add("cl-list-same", post("Content-Length: 5, 5\r\n", "hello"));
        add("cl-list-same-no-space", post("Content-Length: 5,5\r\n", "hello"));
        add("cl-list-differing", post("Content-Length: 5, 6\r\n", "hello!"));
        add("cl-list-trailing-comma", post("Content-Length: 5,\r\n", "hello"));
        add("cl-two-lines-same", post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"));
        add("cl-two-lines-differing", post("Content-Length: 5\r\nContent-Length: 6\r\n", "hello!"));
        add("cl-overflow", post("Content-Length: 99999999999999999999999\r\n", "hello"));
        add("cl-tab-around", post("Content-Length:\t5\t\r\n", "hello"));
        add("cl-on-get", "GET / HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello");
        add("cl-on-head", "HEAD / HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello");
        add("cl-short-then-request", post("Content-Length: 2\r\n", "hello"));
        add("cl-http10", "POST / HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello");
        add("cl-uppercase-name", post("CONTENT-LENGTH: 5\r\n", "hello"));
        add("cl-name-trailing-space", post("Content-Length : 5\r\n", "hello"));
    }

    private static final String CHUNKED_BODY = "5\r\nhello\r\n0\r\n\r\n";

    private void transferEncoding() {
        add("te-chunked", post("Transfer-Encoding: chunked\r\n", CHUNKED_BODY));
        add("te-chunked-uppercase", post("Transfer-Encoding: CHUNKED\r\n", CHUNKED_BODY));
        add("te-chunked-twice", post("Transfer-Encoding: chunked, chunked\r\n", CHUNKED_BODY));
        add("te-chunked-two-lines", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                CHUNKED_BODY));
        add("te-gzip-chunked", post("Transfer-Encoding: gzip, chunked\r\n", CHUNKED_BODY));
        add("te-gzip-then-chunked-lines", post("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
                CHUNKED_BODY));
        add("te-chunked-gzip", post("Transfer-Encoding: chunked, gzip\r\n", CHUNKED_BODY));
        add("te-identity", post("Transfer-Encoding: identity\r\n", CHUNKED_BODY));
        add("te-unknown", post("Transfer-Encoding: foo\r\n", CHUNKED_BODY));
        add("te-empty", post("Transfer-Encoding:\r\n", CHUNKED_BODY));
        add("te-empty-list-element", post("Transfer-Encoding: , chunked\r\n", CHUNKED_BODY));
        add("te-leading-tab", post("Transfer-Encoding:\tchunked\r\n", CHUNKED_BODY));
        add("te-xchunked", post("Transfer-Encoding: xchunked\r\n", CHUNKED_BODY));
        add("te-chunked-with-param", post("Transfer-Encoding: chunked;q=1\r\n", CHUNKED_BODY));
        add("te-quoted", post("Transfer-Encoding: \"chunked\"\r\n", CHUNKED_BODY));
        add("te-obs-fold", post("Transfer-Encoding:\r\n chunked\r\n", CHUNKED_BODY));
        add("te-name-space-before-colon", post("Transfer-Encoding : chunked\r\n", CHUNKED_BODY));
        add("te-with-cl", post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", CHUNKED_BODY));
        add("te-with-cl-first", post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", CHUNKED_BODY));
        add("te-with-cl-zero", post("Content-Length: 0\r\nTransfer-Encoding: chunked\r\n", CHUNKED_BODY));
        add("te-http10", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n" + CHUNKED_BODY);
        add("te-on-get", "GET / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n" + CHUNKED_BODY);
        add("te-vertical-tab-before", post("Transfer-Encoding: \u000bchunked\r\n", CHUNKED_BODY));
    }

    private static String chunked(String body) {
        return post("Transfer-Encoding: chunked\r\n", body);
    }

    private void chunks() {
        add("chunk-upper-hex", chunked("A\r\n0123456789\r\n0\r\n\r\n"));
        add("chunk-lower-hex", chunked("a\r\n0123456789\r\n0\r\n\r\n"));
        add("chunk-leading-zeros", chunked("0005\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-trailing-space", chunked("5 \r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-trailing-tab", chunked("5\t\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-leading-space", chunked(" 5\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-plus", chunked("+5\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-minus", chunked("-5\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-0x", chunked("0x5\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-not-hex", chunked("zz\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-empty", chunked("\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-overflow", chunked("fffffffffffffffffff\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext", chunked("5;a=b\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-no-value", chunked("5;a\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-quoted", chunked("5;a=\"b c\"\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-empty-name", chunked("5;\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-space-before", chunked("5 ;a=b\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-bad-char", chunked("5;a=b\u0001\r\nhello\r\n0\r\n\r\n"));
        add("chunk-ext-on-last", chunked("5\r\nhello\r\n0;a=b\r\n\r\n"));
        add("chunk-ext-bare-lf", chunked("5;a\nb\r\nhello\r\n0\r\n\r\n"));
        add("chunk-size-bare-lf", chunked("5\nhello\r\n0\r\n\r\n"));
        add("chunk-data-bare-lf", chunked("5\r\nhello\n0\r\n\r\n"));
        add("chunk-data-too-long", chunked("5\r\nhelloX\r\n0\r\n\r\n"));
        add("chunk-data-too-short", chunked("5\r\nhell\r\n0\r\n\r\n"));
        add("chunk-data-no-crlf", chunked("5\r\nhello0\r\n\r\n"));
        add("chunk-last-double-zero", chunked("5\r\nhello\r\n00\r\n\r\n"));
        add("chunk-only-last", chunked("0\r\n\r\n"));
        add("chunk-trailer", chunked("5\r\nhello\r\n0\r\nX-T: 1\r\n\r\n"));
        add("chunk-trailer-no-colon", chunked("5\r\nhello\r\n0\r\nXT\r\n\r\n"));
        add("chunk-trailer-space-before-colon", chunked("5\r\nhello\r\n0\r\nX-T : 1\r\n\r\n"));
        add("chunk-trailer-obs-fold", chunked("5\r\nhello\r\n0\r\nX-T: 1\r\n 2\r\n\r\n"));
        add("chunk-trailer-bare-lf", chunked("5\r\nhello\r\n0\r\nX-T: 1\n\r\n"));
        add("chunk-trailer-content-length", chunked("5\r\nhello\r\n0\r\nContent-Length: 5\r\n\r\n"));
        add("chunk-last-bare-lf-end", chunked("5\r\nhello\r\n0\r\n\n"));
        add("chunk-then-request", chunked(CHUNKED_BODY) + get("/2"));
        add("chunk-many-small", chunked("1\r\na\r\n".repeat(50) + "0\r\n\r\n"));
    }

    /** Every C0 control, DEL, and a high byte at five places: method, target, version, field name, field value. */
    private void controlBytes() {
        List<Integer> bytes = new ArrayList<>();
        for (int b = 0; b < 0x20; b++) {
            bytes.add(b);
        }
        bytes.add(0x7f);
        bytes.add(0xff);
        for (int b : bytes) {
            String c = String.valueOf((char) b);
            String hex = String.format("%02x", b);
            add("ctl-" + hex + "-in-method", "G" + c + "ET / HTTP/1.1\r\n" + H + "\r\n");
            add("ctl-" + hex + "-in-target", "GET /a" + c + "b HTTP/1.1\r\n" + H + "\r\n");
            add("ctl-" + hex + "-in-version", "GET / HTTP/1." + c + "1\r\n" + H + "\r\n");
            add("ctl-" + hex + "-in-field-name", "GET / HTTP/1.1\r\n" + H + "X-" + c + "A: v\r\n\r\n");
            add("ctl-" + hex + "-in-field-value", "GET / HTTP/1.1\r\n" + H + "X-A: a" + c + "b\r\n\r\n");
        }
    }

    private void longLines() {
        add("long-target-4k", get("/" + "a".repeat(4000)));
        add("long-target-7k", get("/" + "a".repeat(7000)));
        add("long-target-9k", get("/" + "a".repeat(9000)));
        add("long-target-17k", get("/" + "a".repeat(17000)));
        add("long-field-4k", "GET / HTTP/1.1\r\n" + H + "X-A: " + "v".repeat(4000) + "\r\n\r\n");
        add("long-field-9k", "GET / HTTP/1.1\r\n" + H + "X-A: " + "v".repeat(9000) + "\r\n\r\n");
        add("long-field-17k", "GET / HTTP/1.1\r\n" + H + "X-A: " + "v".repeat(17000) + "\r\n\r\n");
        add("long-head-many-fields-12k", "GET / HTTP/1.1\r\n" + H + ("X-A: " + "v".repeat(100) + "\r\n").repeat(120)
                + "\r\n");
        add("long-chunk-ext", chunked("5;" + "a".repeat(9000) + "\r\nhello\r\n0\r\n\r\n"));
        add("long-trailer", chunked("5\r\nhello\r\n0\r\nX-T: " + "v".repeat(9000) + "\r\n\r\n"));
    }

    private void methodsAndMisc() {
        add("method-trace", "TRACE / HTTP/1.1\r\n" + H + "Cookie: s=1\r\n\r\n");
        add("method-trace-with-body", "TRACE / HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello");
        add("method-options", "OPTIONS / HTTP/1.1\r\n" + H + "\r\n");
        add("method-head", "HEAD / HTTP/1.1\r\n" + H + "\r\n");
        add("method-delete", "DELETE / HTTP/1.1\r\n" + H + "\r\n");
        add("method-patch", "PATCH / HTTP/1.1\r\n" + H + "Content-Length: 2\r\n\r\nhi");
        add("method-query", "QUERY / HTTP/1.1\r\n" + H + "Content-Length: 2\r\n\r\nhi");
        add("method-propfind", "PROPFIND / HTTP/1.1\r\n" + H + "\r\n");
        add("expect-continue", post("Expect: 100-continue\r\nContent-Length: 5\r\n", "hello"));
        add("expect-unknown", post("Expect: 200-ok\r\nContent-Length: 5\r\n", "hello"));
        add("connection-close", "GET / HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n");
        add("connection-keep-alive-10", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        add("connection-unknown-token", "GET / HTTP/1.1\r\n" + H + "Connection: foo, bar\r\n\r\n");
        add("upgrade-h2c", "GET / HTTP/1.1\r\n" + H + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n");
        add("upgrade-websocket-incomplete", "GET / HTTP/1.1\r\n" + H + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
        add("h2-preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        add("content-type-garbage", post("Content-Type: ;;;\r\nContent-Length: 5\r\n", "hello"));
        add("form-urlencoded", post("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n",
                "a=1&b=2"));
        add("form-bad-percent", post("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n",
                "a=%zz"));
        add("cookie-garbage", "GET / HTTP/1.1\r\n" + H + "Cookie: ;;==;a\r\n\r\n");
        add("range-garbage", "GET / HTTP/1.1\r\n" + H + "Range: bytes=9-1,x\r\n\r\n");
        add("accept-language-garbage", "GET / HTTP/1.1\r\n" + H + "Accept-Language: ;q=x,,\r\n\r\n");
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_');
        }
        return sb.length() > 24 ? sb.substring(0, 24) : sb.toString();
    }
}
