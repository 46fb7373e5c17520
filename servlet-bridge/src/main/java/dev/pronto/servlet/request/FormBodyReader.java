package dev.pronto.servlet.request;

import dev.pronto.container.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an {@code application/x-www-form-urlencoded} body for {@code getParameter} (Servlet 6.1 §3.1.1) within the
 * form-size limit: a declared length over it fails before a byte is read, a streamed body as soon as it crosses it,
 * so nothing past the limit is ever buffered. Stateless.
 */
final class FormBodyReader {

    private static final int INITIAL = 1024;

    private FormBodyReader() {
    }

    /**
     * The whole body, at most {@code maxSize} bytes ({@code -1}: no limit).
     *
     * @throws RequestBodyException with status 413 (RFC 9110 §15.5.14) when the body is larger
     */
    static byte[] read(InputStream in, long declaredLength, long maxSize) throws IOException {
        if (maxSize >= 0 && declaredLength > maxSize) {
            throw tooLarge(maxSize);
        }
        int limit = maxSize < 0 || maxSize >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) maxSize;
        byte[] data = new byte[(int) Math.max(0, Math.min(declaredLength >= 0 ? declaredLength : INITIAL, limit))];
        int length = 0;
        while (true) {
            if (length == data.length) {
                if (length >= limit) {
                    // Full: one more byte decides between "exactly the limit" and "too large".
                    if (in.read() < 0) {
                        return data;
                    }
                    throw tooLarge(maxSize);
                }
                data = Arrays.copyOf(data, (int) Math.min(limit, Math.max(INITIAL, (long) length * 2)));
            }
            int n = in.read(data, length, data.length - length);
            if (n < 0) {
                return length == data.length ? data : Arrays.copyOf(data, length);
            }
            length += n;
        }
    }

    private static RequestBodyException tooLarge(long maxSize) {
        return new RequestBodyException(413, "The form body exceeds the maximum of " + maxSize
                + " bytes (maxFormSize)");
    }
}
