package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servlet 6.1 §5.6: {@code setLocale} sets the response charset from the descriptor's
 * {@code locale-encoding-mapping-list}, or, for a locale it does not map, from the container's mapping (Japanese:
 * Shift_JIS); never over a charset the application set. Checked over HTTP on deployed WARs.
 */
class LocaleEncodingTest {

    @TempDir
    Path dir;

    static final String LOCALE_SERVLET = """
            package loc;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            import java.util.Locale;
            public class LocaleServlet extends HttpServlet {
                @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.setContentType("text/plain");
                    if (req.getParameter("explicit") != null) {
                        resp.setCharacterEncoding("UTF-8");
                    }
                    resp.setLocale(Locale.forLanguageTag(req.getParameter("lang")));
                    resp.getWriter().print(resp.getCharacterEncoding());
                }
            }
            """;

    private Path war(String mappings) throws Exception {
        return TestWar.in(dir.resolve("build")).classes(LOCALE_SERVLET).webXml("""
                <servlet><servlet-name>l</servlet-name><servlet-class>loc.LocaleServlet</servlet-class></servlet>
                <servlet-mapping><servlet-name>l</servlet-name><url-pattern>/l</url-pattern></servlet-mapping>
                """ + mappings).pack(dir.resolve("loc.war"));
    }

    @Test
    void withoutAMappingJapaneseIsShiftJis() throws Exception {
        try (Http http = new Http(Pronto.server().war(war("")))) {
            HttpResponse<String> ja = http.get("/loc/l?lang=ja-JP");
            assertEquals("Shift_JIS", ja.body());
            assertEquals("text/plain;charset=Shift_JIS", ja.headers().firstValue("content-type").orElseThrow());
            assertEquals("ISO-8859-1", http.get("/loc/l?lang=de").body());
            assertEquals("UTF-8", http.get("/loc/l?lang=ja&explicit").body());
        }
    }

    @Test
    void theDescriptorsMappingWins() throws Exception {
        try (Http http = new Http(Pronto.server().war(war("""
                <locale-encoding-mapping-list>
                  <locale-encoding-mapping><locale>ja</locale><encoding>EUC-JP</encoding></locale-encoding-mapping>
                  <locale-encoding-mapping><locale>de</locale><encoding>UTF-8</encoding></locale-encoding-mapping>
                </locale-encoding-mapping-list>
                """)))) {
            assertEquals("EUC-JP", http.get("/loc/l?lang=ja").body());
            assertEquals("UTF-8", http.get("/loc/l?lang=de").body());
        }
    }
}
