package dev.pronto.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.servlet.Jsp;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.util.ClassUtils;

/**
 * Refuses, before anything starts, every factory setting Pronto cannot honour yet, naming its {@code server.*}
 * property (DESIGN: nothing is silently unsupported). Stateless.
 */
final class UnsupportedSettings {

    private UnsupportedSettings() {
    }

    static void check(ProntoServletWebServerFactory factory, ClassLoader classLoader) {
        if (Ssl.isEnabled(factory.getSsl())) {
            List<String> set = sslPropertiesSet(factory.getSsl());
            // name what the user wrote: server.ssl.enabled defaults to true once any server.ssl.* is set
            String property = set.isEmpty() ? "server.ssl.enabled" : set.get(0);
            String others = set.size() > 1 ? " (also set: " + String.join(", ", set.subList(1, set.size())) + ")" : "";
            throw new UnsupportedSettingException(property, "TLS is not supported yet" + others,
                    "Terminate TLS in front of the application (a proxy or load balancer) and remove server.ssl.*.");
        }
        Http2 http2 = factory.getHttp2();
        if (http2 != null && http2.isEnabled()) {
            throw new UnsupportedSettingException("server.http2.enabled", "HTTP/2 is not supported yet",
                    "Set server.http2.enabled=false; Pronto speaks HTTP/1.1.");
        }
        checkServletSettings(factory.getSettings(), classLoader);
    }

    /** The {@code server.ssl.*} properties that carry a value, in the order Boot's documentation lists them. */
    static List<String> sslPropertiesSet(Ssl ssl) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("server.ssl.bundle", ssl.getBundle());
        values.put("server.ssl.key-store", ssl.getKeyStore());
        values.put("server.ssl.key-store-type", ssl.getKeyStoreType());
        values.put("server.ssl.key-store-password", ssl.getKeyStorePassword());
        values.put("server.ssl.key-store-provider", ssl.getKeyStoreProvider());
        values.put("server.ssl.key-alias", ssl.getKeyAlias());
        values.put("server.ssl.key-password", ssl.getKeyPassword());
        values.put("server.ssl.certificate", ssl.getCertificate());
        values.put("server.ssl.certificate-private-key", ssl.getCertificatePrivateKey());
        values.put("server.ssl.trust-store", ssl.getTrustStore());
        values.put("server.ssl.trust-store-type", ssl.getTrustStoreType());
        values.put("server.ssl.trust-store-password", ssl.getTrustStorePassword());
        values.put("server.ssl.trust-store-provider", ssl.getTrustStoreProvider());
        values.put("server.ssl.trust-certificate", ssl.getTrustCertificate());
        values.put("server.ssl.trust-certificate-private-key", ssl.getTrustCertificatePrivateKey());
        values.put("server.ssl.client-auth", ssl.getClientAuth());
        values.put("server.ssl.ciphers", ssl.getCiphers());
        values.put("server.ssl.enabled-protocols", ssl.getEnabledProtocols());
        values.put("server.ssl.server-name-bundles",
                ssl.getServerNameBundles() == null || ssl.getServerNameBundles().isEmpty() ? null : "set");
        values.put("server.ssl.protocol", "TLS".equals(ssl.getProtocol()) ? null : ssl.getProtocol());
        List<String> set = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                set.add(name);
            }
        });
        return set;
    }

    private static void checkServletSettings(ServletWebServerSettings settings, ClassLoader classLoader) {
        Jsp jsp = settings.getJsp();
        if (jsp != null && jsp.getRegistered() && ClassUtils.isPresent(jsp.getClassName(), classLoader)) {
            throw new UnsupportedSettingException("server.servlet.jsp.registered", "JSP is not supported",
                    "Set server.servlet.jsp.registered=false or remove " + jsp.getClassName() + " from the classpath.");
        }
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
