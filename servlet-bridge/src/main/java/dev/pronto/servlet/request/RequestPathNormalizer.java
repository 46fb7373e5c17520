package dev.pronto.servlet.request;

import dev.pronto.servlet.request.BadRequestPathException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Servlet 6.1 §3.5.2 URI path canonicalization: turns the raw request path into the decoded, canonical
 * path used for all mapping, or rejects it. Immutable and thread-safe.
 *
 * <p>Two forms of the path exist and must not be confused:
 * <ul>
 *   <li>{@link #rawPath(String)}: the path as sent, still %-encoded and with path parameters; this is
 *       {@code getRequestURI()} (never decoded or normalized);</li>
 *   <li>{@link #canonicalize(String)}: decoded as UTF-8, without path parameters, empty and dot segments
 *       resolved; context path, servlet path and path info are cut from this one.</li>
 * </ul>
 */
public final class RequestPathNormalizer {

    /** The spec's default: every §3.5.2 suspicious sequence is rejected. */
    public static final RequestPathNormalizer STRICT = new RequestPathNormalizer(false, false);

    private final boolean allowEncodedSlash;
    private final boolean allowBackslash;

    /**
     * A normalizer that may relax two of the §3.5.2 rejections.
     *
     * @param allowEncodedSlash accept {@code %2F}; it stays re-encoded as {@code %2F} (and '%' as {@code %25})
     *     in the canonical path, per §3.5.2 step 8, so it never acts as a separator
     * @param allowBackslash accept '\' raw or as {@code %5C}; it is kept as an ordinary character, so the
     *     resource layer must never treat it as a separator
     */
    public RequestPathNormalizer(boolean allowEncodedSlash, boolean allowBackslash) {
        this.allowEncodedSlash = allowEncodedSlash;
        this.allowBackslash = allowBackslash;
    }

    /**
     * The un-decoded path of a request target, as {@code getRequestURI()} reports it: the query and
     * fragment are cut off, an absolute-form target (RFC 9112 §3.2.2) loses its scheme and authority.
     * Path parameters and %-escapes are kept.
     */
    public static String rawPath(String requestTarget) {
        int start = 0;
        if (!requestTarget.startsWith("/")) {
            start = absoluteFormPathStart(requestTarget);
        }
        int end = endOfPath(requestTarget, start);
        if (start == end && start > 0) {
            return "/"; // RFC 9112 §3.2.1: an empty path is sent as "/"
        }
        return requestTarget.substring(start, end);
    }

    private static int absoluteFormPathStart(String target) {
        int scheme = target.indexOf("://");
        if (scheme <= 0 || !isScheme(target, scheme)) {
            return 0;
        }
        int authorityStart = scheme + 3;
        int end = endOfPath(target, authorityStart);
        int slash = target.indexOf('/', authorityStart);
        return slash < 0 || slash > end ? end : slash;
    }

    /** RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isScheme(String target, int end) {
        for (int i = 0; i < end; i++) {
            char c = target.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean other = c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
            if (!letter && (i == 0 || !other)) {
                return false;
            }
        }
        return true;
    }

    private static int endOfPath(String target, int from) {
        for (int i = from; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    /**
     * The value of path parameter {@code name} in any segment of a raw path (for example the session id
     * of {@code /a;jsessionid=1234/b}), or null when absent. Only the path part is searched.
     */
    public static String pathParameter(String rawPath, String name) {
        String key = ";" + name + "=";
        int end = endOfPath(rawPath, 0);
        int at = rawPath.indexOf(key);
        if (at < 0 || at >= end) {
            return null;
        }
        int from = at + key.length();
        int to = from;
        while (to < end && rawPath.charAt(to) != ';' && rawPath.charAt(to) != '/') {
            to++;
        }
        return rawPath.substring(from, to);
    }

    /**
     * The canonical, decoded path of a request target as received (origin-form or absolute-form; a query
     * is ignored) or of a {@link #rawPath raw path}. Returns the path itself, without copying, when it is
     * already canonical, which is the common case.
     *
     * @throws BadRequestPathException when a §3.5.2 suspicious sequence is found
     */
    public String canonicalize(String requestTarget) {
        // Servlet 6.1 §3.5.2 steps 1 and 10: a fragment is itself suspicious, wherever it is
        if (requestTarget.indexOf('#') >= 0) {
            throw new BadRequestPathException(Reason.FRAGMENT, requestTarget);
        }
        // step 2: the query is not part of the path
        String path = rawPath(requestTarget);
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw new BadRequestPathException(Reason.NOT_ABSOLUTE, requestTarget);
        }
        if (isAlreadyCanonical(path)) {
            return path;
        }
        checkCharacters(path);
        return new Canonicalizer(path).run();
    }

    /** True for the common path that needs no work: plain characters, no "//", no segment starting with '.'. */
    private static boolean isAlreadyCanonical(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '%' || c == ';' || c == '\\') {
                return false;
            }
            if (previous == '/' && (c == '/' || c == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Rejects raw and %-encoded characters that are suspicious anywhere, path parameters included. */
    private void checkCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                checkEscape(path, i);
                i += 2;
            } else {
                checkRawCharacter(path, c);
            }
        }
    }

    private void checkRawCharacter(String path, char c) {
        if (c < 0x20 || c == 0x7F) {
            throw new BadRequestPathException(Reason.CONTROL_CHARACTER, path);
        }
        if (c > 0x7F) {
            throw new BadRequestPathException(Reason.NON_ASCII, path);
        }
        if (c == '\\' && !allowBackslash) {
            throw new BadRequestPathException(Reason.BACKSLASH, path);
        }
    }

    private void checkEscape(String path, int i) {
        int octet = Hex.escapeAt(path, i, path.length());
        if (octet < 0) {
            throw new BadRequestPathException(Reason.INVALID_ENCODING, path);
        }
        if (octet == '/' && !allowEncodedSlash) {
            throw new BadRequestPathException(Reason.ENCODED_SLASH, path);
        }
        if (octet == '\\' && !allowBackslash) {
            throw new BadRequestPathException(Reason.BACKSLASH, path);
        }
        if (octet < 0x20 || octet == 0x7F) {
            throw new BadRequestPathException(Reason.CONTROL_CHARACTER, path);
        }
    }

    /** One run of §3.5.2 steps 3 to 8 over a path whose characters were already checked. */
    private final class Canonicalizer {

        private final String path;
        private final List<String> segments = new ArrayList<>();

        Canonicalizer(String path) {
            this.path = path;
        }

        String run() {
            int start = 1;
            while (true) {
                int slash = path.indexOf('/', start);
                boolean last = slash < 0;
                onSegment(start, last ? path.length() : slash, last);
                if (last) {
                    return join();
                }
                start = slash + 1;
            }
        }

        /** Steps 4 to 7 for the segment {@code [start, end)}. */
        private void onSegment(int start, int end, boolean last) {
            int semicolon = indexOf(';', start, end);
            boolean hasParameters = semicolon >= 0;
            int contentEnd = hasParameters ? semicolon : end;
            boolean encoded = indexOf('%', start, contentEnd) >= 0;
            String segment = encoded ? decode(start, contentEnd) : path.substring(start, contentEnd);
            if (segment.isEmpty()) {
                onEmptySegment(hasParameters, last);
            } else if (segment.equals(".") || segment.equals("..")) {
                onDotSegment(segment, hasParameters, encoded);
            } else {
                segments.add(segment);
            }
        }

        private int indexOf(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (path.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        private void onEmptySegment(boolean hasParameters, boolean last) {
            if (last) {
                segments.add("");
                return;
            }
            if (hasParameters) {
                throw new BadRequestPathException(Reason.EMPTY_SEGMENT_WITH_PARAMETERS, path);
            }
            // step 6: empty segments other than the last are removed
        }

        private void onDotSegment(String segment, boolean hasParameters, boolean encoded) {
            if (hasParameters) {
                throw new BadRequestPathException(Reason.DOT_SEGMENT_WITH_PARAMETERS, path);
            }
            if (encoded) {
                throw new BadRequestPathException(Reason.ENCODED_DOT_SEGMENT, path);
            }
            if (segment.equals("..")) {
                // step 7: ".." removes the segment before it; with none left it would climb above the root
                if (segments.isEmpty()) {
                    throw new BadRequestPathException(Reason.LEADING_DOT_DOT, path);
                }
                segments.remove(segments.size() - 1);
            }
        }

        /** Step 5: %nn octets decoded as UTF-8; invalid UTF-8 and decoded control characters are rejected. */
        private String decode(int start, int end) {
            byte[] bytes = new byte[end - start];
            int n = 0;
            for (int i = start; i < end; i++) {
                char c = path.charAt(i);
                if (c == '%') {
                    bytes[n++] = (byte) Hex.escapeAt(path, i, end);
                    i += 2;
                } else {
                    bytes[n++] = (byte) c;
                }
            }
            String decoded = utf8(bytes, n);
            for (int i = 0; i < decoded.length(); i++) {
                if (Character.isISOControl(decoded.charAt(i))) {
                    throw new BadRequestPathException(Reason.CONTROL_CHARACTER, path);
                }
            }
            return decoded;
        }

        private String utf8(byte[] bytes, int length) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, length))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new BadRequestPathException(Reason.INVALID_UTF8, path);
            }
        }

        /** Step 8: each segment preceded by '/'; no segments left gives "/". */
        private String join() {
            if (segments.isEmpty()) {
                return "/";
            }
            StringBuilder sb = new StringBuilder(path.length());
            for (String segment : segments) {
                sb.append('/');
                appendSegment(sb, segment);
            }
            return sb.toString();
        }

        private void appendSegment(StringBuilder sb, String segment) {
            if (!allowEncodedSlash) {
                sb.append(segment);
                return;
            }
            // step 8: with encoded '/' allowed, '/' and '%' go back to %nn so '/' never acts as a separator
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '%') {
                    sb.append("%25");
                } else if (c == '/') {
                    sb.append("%2F");
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
