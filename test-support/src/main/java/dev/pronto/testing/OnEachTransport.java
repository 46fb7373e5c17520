package dev.pronto.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a socket-level test once per Netty transport: epoll, io_uring (where the kernel allows it; otherwise skipped
 * with the reason printed once) and NIO. The test's first parameter is the container's {@code Transport}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{0}")
@ArgumentsSource(EachTransport.class)
public @interface OnEachTransport {
}
