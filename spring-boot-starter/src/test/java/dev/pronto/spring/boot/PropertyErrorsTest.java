package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A bad setting fails start-up with Boot's "APPLICATION FAILED TO START" report naming the property the user set and
 * its value (issue 9, defect 9), never a bare message about an internal field.
 */
class PropertyErrorsTest {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    /** Runs the application with one property and returns Boot's failure report (what the user reads). */
    private static String failureReport(String property, String value) {
        Logger reporter = (Logger) LoggerFactory.getLogger(
                "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        reporter.addAppender(appender);
        // Boot's logging system would reset logback (dropping the appender); leave logging as the test set it up
        String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
        try {
            SpringApplication application = new SpringApplication(App.class);
            application.setWebApplicationType(WebApplicationType.SERVLET);
            application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                    "server.pronto.io-threads", "1"));
            assertThrows(Exception.class, () -> application.run("--" + property + "=" + value).close());
        } finally {
            reporter.detachAppender(appender);
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
        String report = appender.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertTrue(report.contains("APPLICATION FAILED TO START"), () -> "no failure analysis for " + property
                + "=" + value + ": " + appender.list);
        return report;
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "server.pronto.io-threads, -1",
            "server.pronto.io-threads, 0",
            "server.pronto.max-pipelined, 0",
            "server.pronto.max-connections, -5",
            "server.pronto.max-uri-length, 0",
            "server.pronto.max-body-size, -2B",
            "server.pronto.head-timeout, -1s",
            "server.pronto.idle-timeout, -1s",
            "server.pronto.blocking-timeout, -1s",
            "server.pronto.executor.max-concurrency, -1",
    })
    void invalidProntoPropertyIsNamedWithItsValue(String property, String value) {
        String report = failureReport(property, value);
        assertTrue(report.contains(property), report);
        assertTrue(report.contains("\"" + value + "\""), report);
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void virtualThreadsBeforeJava21NameTheProperty() {
        String report = failureReport("server.pronto.executor.kind", "virtual");
        assertTrue(report.contains("server.pronto.executor.kind"), report);
        assertTrue(report.contains("Java 21"), report);
    }

    @Test
    void missingKeyStoreNamesKeyStore() {
        String report = failureReport("server.ssl.key-store", "classpath:keystore.p12");
        assertTrue(report.contains("server.ssl.key-store"), report);
        assertTrue(!report.contains("server.ssl.enabled"), report);
        assertTrue(report.contains("cannot load the TLS key material"), report);
    }

    @Test
    void missingCertificateNamesCertificate() {
        String report = failureReport("server.ssl.certificate", "classpath:cert.pem");
        assertTrue(report.contains("server.ssl.certificate"), report);
        assertTrue(report.contains("cannot load the TLS key material"), report);
    }

    @Test
    void sslEnabledAloneNamesEnabled() {
        String report = failureReport("server.ssl.enabled", "true");
        assertTrue(report.contains("server.ssl"), report);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
