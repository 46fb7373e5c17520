package dev.pronto.servlet.response;

import dev.pronto.servlet.http.ContentTypes;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The content type and character encoding of one response, kept by the Servlet 6.1 §5.6 rules.
 * One per response, used by the thread running it; not thread-safe.
 *
 * <pre>
 *   encoding source:  NONE --setLocaleCharset--> LOCALE --setCharacterEncoding / setContentType(charset)--> EXPLICIT
 *   LOCALE never overrides EXPLICIT; after onWriterObtained() or onCommitted() the encoding is frozen.
 * </pre>
 */
public final class ResponseContentType {

    /** Servlet 6.1 §5.6: the encoding when nothing else was specified. */
    public static final String DEFAULT_ENCODING = "ISO-8859-1";

    private enum Source { NONE, LOCALE, EXPLICIT }

    private final String contextDefault;
    private String mediaType;
    private String encoding;
    private Source source = Source.NONE;
    private boolean writerObtained;
    private boolean committed;
    private String header;

    /** A response with no context default encoding. */
    public ResponseContentType() {
        this(null);
    }

    /** A response whose default encoding is the context's ({@code <response-character-encoding>}), if not null. */
    public ResponseContentType(String contextDefaultEncoding) {
        this.contextDefault = contextDefaultEncoding;
    }

    /**
     * {@code setContentType}: sets the type; its charset parameter, if any, sets the encoding unless the
     * writer was already obtained. {@code null} clears the type and (before the writer) the encoding.
     */
    public void setContentType(String type) {
        if (committed) {
            return;
        }
        header = null;
        if (type == null) {
            mediaType = null;
            clearEncodingIfOpen();
            return;
        }
        mediaType = ContentTypes.removeCharset(type);
        String charset = ContentTypes.charset(type);
        if (charset != null && !writerObtained) {
            encoding = charset;
            source = Source.EXPLICIT;
        }
    }

    /** {@code setCharacterEncoding}: no effect after the writer or commit; {@code null} clears it. */
    public void setCharacterEncoding(String charset) {
        if (committed || writerObtained) {
            return;
        }
        header = null;
        if (charset == null) {
            clearEncodingIfOpen();
            return;
        }
        encoding = charset;
        source = Source.EXPLICIT;
    }

    /**
     * {@code setLocale}'s part: {@code charset} is what the locale-encoding mapping gives for the new
     * locale (null for none). It applies only if no explicit encoding was set (Servlet 6.1 §5.6).
     */
    public void setLocaleCharset(String charset) {
        if (committed || writerObtained || charset == null || source == Source.EXPLICIT) {
            return;
        }
        header = null;
        encoding = charset;
        source = Source.LOCALE;
    }

    /** {@code getWriter} was called: the encoding in effect now is fixed (ISO-8859-1 if none was given). */
    public void onWriterObtained() {
        if (!writerObtained) {
            encoding = characterEncoding();
            writerObtained = true;
            header = null;
        }
    }

    /** The response was committed: every later call has no effect. */
    public void onCommitted() {
        committed = true;
    }

    /** {@code reset()}: forget type, encoding and the writer, keeping the context default. */
    public void reset() {
        mediaType = null;
        encoding = null;
        source = Source.NONE;
        writerObtained = false;
        header = null;
    }

    private void clearEncodingIfOpen() {
        if (!writerObtained) {
            encoding = null;
            source = Source.NONE;
        }
    }

    /** {@code getCharacterEncoding()}: the encoding in effect, never null. */
    public String characterEncoding() {
        if (encoding != null) {
            return encoding;
        }
        return contextDefault != null ? contextDefault : DEFAULT_ENCODING;
    }

    /**
     * The {@code Content-Type} header, which is also {@code getContentType()}: null when no type was set;
     * the charset is appended once an encoding was specified or the writer obtained. Cached until a change.
     */
    public String contentTypeHeader() {
        if (mediaType == null) {
            return null;
        }
        if (header == null) {
            boolean specified = encoding != null || contextDefault != null;
            header = specified ? mediaType + ";charset=" + characterEncoding() : mediaType;
        }
        return header;
    }

    /**
     * The {@link Charset} for the writer.
     *
     * @throws UnsupportedEncodingException when the encoding is unknown, as {@code getWriter()} must report
     */
    public Charset charset() throws UnsupportedEncodingException {
        String name = characterEncoding();
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }
}
