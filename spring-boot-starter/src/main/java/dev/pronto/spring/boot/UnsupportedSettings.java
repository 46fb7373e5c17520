package dev.pronto.spring.boot;

import java.util.Set;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.server.servlet.Session;

/**
 * Refuses, before anything starts, every factory setting Pronto cannot honour yet, naming its {@code server.*}
 * property (DESIGN: nothing is silently unsupported). Stateless.
 */
final class UnsupportedSettings {

    private UnsupportedSettings() {
    }

    static void check(ProntoServletWebServerFactory factory, ClassLoader classLoader) {
        Http2 http2 = factory.getHttp2();
        if (http2 != null && http2.isEnabled()) {
            throw new UnsupportedSettingException("server.http2.enabled", "HTTP/2 is not supported yet",
                    "Set server.http2.enabled=false; Pronto speaks HTTP/1.1.");
        }
        checkServletSettings(factory.getSettings(), classLoader);
    }

    private static void checkServletSettings(ServletWebServerSettings settings, ClassLoader classLoader) {
        Session session = settings.getSession();
        if (session == null) {
            return;
        }
        Set<Session.SessionTrackingMode> modes = session.getTrackingModes();
        if (modes != null && modes.contains(Session.SessionTrackingMode.SSL)) {
            throw new UnsupportedSettingException("server.servlet.session.tracking-modes",
                    "SSL session tracking is not supported (cookie and url are)",
                    "Set server.servlet.session.tracking-modes=cookie or cookie,url.");
        }
    }
}
