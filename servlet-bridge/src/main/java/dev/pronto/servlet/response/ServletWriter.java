package dev.pronto.servlet.response;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;

/** The {@code Writer} under the response's {@code PrintWriter}: encodes straight into the output buffer. */
final class ServletWriter extends Writer {

    private final ServletOutputStreamImpl out;
    private final Charset charset;

    ServletWriter(ServletOutputStreamImpl out, Charset charset) {
        this.out = out;
        this.charset = charset;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.writeChars(java.nio.CharBuffer.wrap(cbuf, off, len), charset);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.writeChars(off == 0 && len == str.length() ? str : str.substring(off, off + len), charset);
    }

    @Override
    public void write(int c) throws IOException {
        out.writeChars(String.valueOf((char) c), charset);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
