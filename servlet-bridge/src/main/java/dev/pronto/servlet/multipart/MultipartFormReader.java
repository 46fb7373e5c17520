package dev.pronto.servlet.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole {@code multipart/form-data} body into parts, streaming each part's data into its
 * {@link PartContent} as it arrives, with the limits checked on the way. If anything fails, the parts made so far
 * are deleted before the exception leaves. One use, on the request's thread.
 */
final class MultipartFormReader {

    /**
     * The limits of one parse.
     *
     * @param location       where parts larger than {@code threshold} are written
     * @param threshold      bytes a part may keep in memory
     * @param maxFileSize    largest part, {@code -1} for no limit
     * @param maxRequestSize largest body, {@code -1} for no limit
     */
    record Settings(Path location, int threshold, long maxFileSize, long maxRequestSize) {
    }

    private final Settings settings;
    private final Charset headerCharset;
    private final List<PartImpl> parts = new ArrayList<>();

    MultipartFormReader(Settings settings, Charset headerCharset) {
        this.settings = settings;
        this.headerCharset = headerCharset;
    }

    MultipartForm read(InputStream body, String boundary) throws IOException {
        MultipartStream stream = new MultipartStream(body, boundary, MultipartLimits.MAX_HEADER_BYTES,
                settings.maxRequestSize());
        try {
            boolean more = stream.first();
            while (more) {
                readPart(stream);
                more = stream.next();
            }
            return new MultipartForm(parts);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(e);
            throw e;
        }
    }

    private void readPart(MultipartStream stream) throws IOException {
        if (parts.size() >= MultipartLimits.MAX_PARTS) {
            throw MultipartLimits.tooManyParts();
        }
        PartHeaders headers = PartHeaders.parse(stream.headers(), headerCharset);
        ContentDisposition disposition = ContentDisposition.parse(headers.get("Content-Disposition"));
        String label = disposition.name() != null ? disposition.name() : "#" + (parts.size() + 1);
        PartContent content = new PartContent(label, settings.location(), settings.threshold(),
                settings.maxFileSize());
        PartImpl part = new PartImpl(headers, disposition, content, settings.location());
        parts.add(part); // before any byte is written, so a failure deletes its file too
        stream.body(content::write);
        content.finish();
    }

    private void deleteQuietly(Throwable cause) {
        for (PartImpl part : parts) {
            try {
                part.content().delete();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
