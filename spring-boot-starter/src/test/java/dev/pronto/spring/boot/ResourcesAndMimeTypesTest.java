package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.MimeMappings;

/** MIME mappings, locale charsets, init parameters and the resources behind {@code ServletContext.getResource}. */
class ResourcesAndMimeTypesTest extends FactoryTestSupport {

    @Test
    void bootDefaultAndAddedMimeMappingsAreTheContextsMimeTypes() throws Exception {
        factory.addMimeMappings(new MimeMappings(Map.of("pronto", "application/x-pronto")));
        start(servlet("/mime", new MimeServlet()));
        assertEquals("application/x-pronto", get("/mime?file=a.pronto").body());
        assertEquals("text/css", get("/mime?file=site.css").body());
        assertEquals("font/woff2", get("/mime?file=f.woff2").body()); // from Boot's mime-mappings.properties
    }

    @Test
    void localeCharsetMappingsApplyToSetLocale() throws Exception {
        factory.setLocaleCharsetMappings(Map.of(Locale.JAPANESE, Charset.forName("Shift_JIS")));
        start(servlet("/ja", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.setLocale(Locale.JAPANESE);
                resp.getWriter().write(resp.getCharacterEncoding());
            }
        }));
        var response = get("/ja");
        assertEquals("Shift_JIS", response.body());
        assertEquals("text/plain;charset=Shift_JIS", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void initParametersReachTheServletContext() throws Exception {
        factory.setInitParameters(Map.of("greeting", "hej"));
        start(servlet("/param", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().write(getServletContext().getInitParameter("greeting"));
            }
        }));
        assertEquals("hej", get("/param").body());
    }

    @Test
    void documentRootAndMetaInfResourcesBackGetResource(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("doc.txt"), "from the document root");
        factory.setDocumentRoot(root.toFile());
        start(servlet("/resource", new ResourceServlet()));
        assertEquals("from the document root", get("/resource?path=/doc.txt").body());
        assertEquals("from the classpath", get("/resource?path=/classpath.txt").body());
        assertEquals(404, get("/resource?path=/missing.txt").statusCode());
    }

    static final class MimeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(String.valueOf(getServletContext().getMimeType(req.getParameter("file"))));
        }
    }

    static final class ResourceServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try (InputStream in = getServletContext().getResourceAsStream(req.getParameter("path"))) {
                if (in == null) {
                    resp.sendError(404);
                    return;
                }
                resp.getWriter().write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
