package dev.pronto.servlet.accesslog;

import java.io.IOException;

/** Where the writer thread puts access-log lines: rotating files or an SLF4J logger. Writer thread only. */
interface AccessLogSink extends AutoCloseable {

    void write(String line) throws IOException;

    /** Called when the queue runs empty. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
