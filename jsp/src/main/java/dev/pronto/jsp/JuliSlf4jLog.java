package dev.pronto.jsp;

import org.apache.juli.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Jasper's logging (Tomcat's JULI {@code Log}, found by its {@code LogFactory} through
 * {@code META-INF/services}) to SLF4J, like all of Pronto's; FATAL becomes ERROR. Thread-safe.
 */
public final class JuliSlf4jLog implements Log {

    /**
     * Tomcat's descriptor parser warns once per schema its jar does not carry; they serve XML validation only, which
     * is off (Jasper's {@code org.apache.jasper.XML_VALIDATE_TLD} default), so its warnings are debug here.
     */
    private static final String DIGESTER_FACTORY = "org.apache.tomcat.util.descriptor.DigesterFactory";

    private final Logger logger;
    private final boolean warnAsDebug;

    /** For {@code ServiceLoader}, which JULI asks only for the class; it then uses {@link #JuliSlf4jLog(String)}. */
    public JuliSlf4jLog() {
        this("org.apache.juli");
    }

    /** JULI's {@code LogFactory} creates one per logger name through this constructor. */
    public JuliSlf4jLog(String name) {
        this.logger = LoggerFactory.getLogger(name);
        this.warnAsDebug = DIGESTER_FACTORY.equals(name);
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public boolean isFatalEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public boolean isTraceEnabled() {
        return logger.isTraceEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return warnAsDebug ? logger.isDebugEnabled() : logger.isWarnEnabled();
    }

    @Override
    public void trace(Object message) {
        logger.trace(String.valueOf(message));
    }

    @Override
    public void trace(Object message, Throwable t) {
        logger.trace(String.valueOf(message), t);
    }

    @Override
    public void debug(Object message) {
        logger.debug(String.valueOf(message));
    }

    @Override
    public void debug(Object message, Throwable t) {
        logger.debug(String.valueOf(message), t);
    }

    @Override
    public void info(Object message) {
        logger.info(String.valueOf(message));
    }

    @Override
    public void info(Object message, Throwable t) {
        logger.info(String.valueOf(message), t);
    }

    @Override
    public void warn(Object message) {
        if (warnAsDebug) {
            logger.debug(String.valueOf(message));
        } else {
            logger.warn(String.valueOf(message));
        }
    }

    @Override
    public void warn(Object message, Throwable t) {
        if (warnAsDebug) {
            logger.debug(String.valueOf(message), t);
        } else {
            logger.warn(String.valueOf(message), t);
        }
    }

    @Override
    public void error(Object message) {
        logger.error(String.valueOf(message));
    }

    @Override
    public void error(Object message, Throwable t) {
        logger.error(String.valueOf(message), t);
    }

    @Override
    public void fatal(Object message) {
        logger.error(String.valueOf(message));
    }

    @Override
    public void fatal(Object message, Throwable t) {
        logger.error(String.valueOf(message), t);
    }
}
