package dev.pronto.servlet.multipart;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * {@code Part}: one part of a {@code multipart/form-data} request, its headers and its content in memory or in a
 * temporary file that the container deletes when the request ends (Servlet 6.1 §3.2). Complete once parsed; used
 * by the request's thread.
 */
final class PartImpl implements Part {

    private final PartHeaders headers;
    private final ContentDisposition disposition;
    private final PartContent content;
    private final Path location;

    PartImpl(PartHeaders headers, ContentDisposition disposition, PartContent content, Path location) {
        this.headers = headers;
        this.disposition = disposition;
        this.content = content;
        this.location = location;
    }

    PartContent content() {
        return content;
    }

    /** True for a plain form field: no {@code filename} parameter (Servlet 6.1 §3.2). */
    boolean isField() {
        return disposition.filename() == null;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return content.open();
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public String getName() {
        return disposition.name();
    }

    @Override
    public String getSubmittedFileName() {
        return disposition.filename();
    }

    @Override
    public long getSize() {
        return content.size();
    }

    /** Relative names are resolved against the configured location; absolute ones are used as they are. */
    @Override
    public void write(String fileName) throws IOException {
        content.moveTo(location.resolve(fileName));
    }

    @Override
    public void delete() throws IOException {
        content.delete();
    }

    @Override
    public String getHeader(String name) {
        return name == null ? null : headers.get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return headers.getAll(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return headers.names();
    }

    @Override
    public String toString() {
        return "Part[" + getName() + (isField() ? "" : ", file " + getSubmittedFileName()) + ", " + getSize()
                + " bytes]";
    }
}
