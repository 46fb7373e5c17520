package dev.pronto.servlet.async;

import dev.pronto.servlet.WebAppBuilder;
import jakarta.servlet.Servlet;

/** Registers servlets for the async suites (which run on {@link dev.pronto.servlet.ServletTestServer}). Stateless. */
final class AsyncServlets {

    private AsyncServlets() {
    }

    /** Maps {@code servlet} to {@code pattern} as async-supported. */
    static void async(WebAppBuilder app, String pattern, Servlet servlet) {
        app.servlet(pattern + "#" + servlet.getClass().getSimpleName(), servlet, reg -> {
            reg.addMapping(pattern);
            reg.setAsyncSupported(true);
        });
    }

    /** Maps {@code servlet} to {@code pattern} as async-supported and non-blocking (it runs on the event loop). */
    static void asyncNonBlocking(WebAppBuilder app, String pattern, Servlet servlet) {
        app.servlet(pattern + "#" + servlet.getClass().getSimpleName(), servlet, reg -> {
            reg.addMapping(pattern);
            reg.setAsyncSupported(true);
            ((dev.pronto.servlet.context.ServletHolder) reg).setNonBlocking(true);
        });
    }
}
