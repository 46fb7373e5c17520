package dev.pronto.servlet.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each line to an SLF4J logger at INFO; the logging backend decides files and rotation. Writer thread. */
final class Slf4jSink implements AccessLogSink {

    private final Logger logger;

    Slf4jSink(String name) {
        this.logger = LoggerFactory.getLogger(name);
    }

    @Override
    public void write(String line) {
        logger.info(line);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
