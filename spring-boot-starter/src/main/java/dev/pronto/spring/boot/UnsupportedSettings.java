package dev.pronto.spring.boot;

import java.util.Set;
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
