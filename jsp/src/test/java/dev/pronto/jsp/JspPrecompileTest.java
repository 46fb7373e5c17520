package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.jsp.JspSettings;
import dev.pronto.testing.LeakReportGuard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code JspSettings.precompile}: every page compiled at start; one that does not compile fails the start. */
@ExtendWith(LeakReportGuard.class)
class JspPrecompileTest {

    @TempDir
    Path dir;

    Path webapp(boolean withBadPage) throws Exception {
        Path root = dir.resolve(withBadPage ? "bad-app" : "good-app");
        Files.createDirectories(root.resolve("WEB-INF/views"));
        Files.writeString(root.resolve("good.jsp"), "<%@ page contentType=\"text/plain\" %>good ${6 * 7}");
        Files.writeString(root.resolve("WEB-INF/views/inner.jsp"), "<%@ page contentType=\"text/plain\" %>inner");
        Files.writeString(root.resolve("WEB-INF/fragment.jspf"), "<% not a page on its own"); // never compiled
        if (withBadPage) {
            Files.writeString(root.resolve("bad.jsp"), "<% int x = ; %>");
        }
        return root;
    }

    ProntoServer server(Path root, Path scratch, boolean precompile) {
        return Pronto.server().config(c -> c.host("127.0.0.1").port(0).ioThreads(1))
                .webapp(app -> app.resources(root).jsp(JspSettings.defaults().scratchDir(scratch)
                        .precompile(precompile)))
                .build();
    }

    static long classes(Path scratch) throws Exception {
        if (!Files.exists(scratch)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(p -> p.toString().endsWith("_jsp.class")).count();
        }
    }

    @Test
    void everyPageIsCompiledBeforeTheFirstRequest() throws Exception {
        Path scratch = dir.resolve("scratch");
        ProntoServer server = server(webapp(false), scratch, true).start();
        try {
            assertEquals(2, classes(scratch), "good.jsp and WEB-INF/views/inner.jsp, no fragment");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/good.jsp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("good 42", page.body().strip());
        } finally {
            server.destroy();
        }
    }

    @Test
    void withoutPrecompilePagesWaitForTheirFirstRequest() throws Exception {
        Path scratch = dir.resolve("lazy");
        ProntoServer server = server(webapp(true), scratch, false).start(); // the bad page does not stop it
        try {
            assertEquals(0, classes(scratch));
        } finally {
            server.destroy();
        }
    }

    @Test
    void aPageThatDoesNotCompileFailsTheStartAndNamesThePage() throws Exception {
        ProntoServer server = server(webapp(true), dir.resolve("failing"), true);
        Exception failure = assertThrows(Exception.class, server::start);
        String message = failure.getMessage() + (failure.getCause() == null ? "" : failure.getCause().getMessage());
        assertTrue(message.contains("JSP precompilation failed for 1 of 3 page(s)"), message);
        assertTrue(message.contains("/bad.jsp"), message);
        assertTrue(message.contains("line: [1]"), message);
        assertFalse(message.contains("/good.jsp") || message.contains("Stacktrace"), message);
        assertThrows(IllegalStateException.class, server::start, "a failed start destroys the server");
    }
}
