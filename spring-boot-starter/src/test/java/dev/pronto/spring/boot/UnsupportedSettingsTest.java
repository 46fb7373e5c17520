package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.servlet.Session;

/** What Pronto cannot do yet fails start-up with the property's name, never silently. */
class UnsupportedSettingsTest extends FactoryTestSupport {

    private void assertRefused(String property) {
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> create(servlet("/x", new TestServlets.Text("x"))));
        assertEquals(property, e.getProperty());
        assertTrue(e.getMessage().contains(property), e.getMessage());
        assertTrue(e.getAction() != null && !e.getAction().isEmpty());
    }

    @Test
    void httpPortWithoutTls() {
        factory.setHttpPort(0);
        assertRefused("server.pronto.http-port");
    }

    @Test
    void sslSessionTracking() {
        Session session = new Session();
        session.setTrackingModes(Set.of(Session.SessionTrackingMode.COOKIE, Session.SessionTrackingMode.SSL));
        factory.setSession(session);
        assertRefused("server.servlet.session.tracking-modes");
    }
}
