package dev.pronto.runner;

import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.response.compression.Compression;
import dev.pronto.servlet.security.Realm;
import dev.pronto.servlet.session.SessionStores;
import java.nio.file.Path;
import java.util.List;

/**
 * What the runner sets on every deployed application, after the WAR's own descriptor. Immutable.
 *
 * @param users           a {@code UserFileRealm} file: the realm of every application; {@code null} for none
 * @param sessionStore    the session store's URI ({@code redis://host:port}); {@code null}: in memory
 * @param trustedProxies  addresses or CIDR blocks whose {@code Forwarded}/{@code X-Forwarded-*} are applied
 * @param compression     gzip of responses; {@code null}: off
 * @param persistentSessions keep sessions across a restart ({@code WebAppBuilder.persistentSessions})
 * @param sessionStoreDir with persistent sessions, the parent of each application's session directory;
 *                        {@code null}: the builder's default ({@code java.io.tmpdir/pronto-sessions})
 * @param jspDevelopment  Jasper's {@code development} init parameter; {@code null} keeps Jasper's default
 * @param jspPrecompile   compile every JSP page at start, failing the deployment on a page that does not compile
 */
public record WebAppOptions(Path users, String sessionStore, List<String> trustedProxies, Compression compression,
                            boolean persistentSessions, Path sessionStoreDir, Boolean jspDevelopment, boolean jspPrecompile) {

    public WebAppOptions {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Applies these settings to one application; {@code realm} is the one loaded from {@link #users}, shared. */
    void apply(WebAppBuilder app, Realm realm) {
        if (realm != null) {
            app.realm(realm);
        }
        if (!trustedProxies.isEmpty()) {
            app.forwardedHeaders(ForwardedHeaders.trusting(trustedProxies.toArray(new String[0])));
        }
        // one store per application: each owns its connection and its key space
        app.sessionStore(SessionStores.create(sessionStore, ProntoRunner.class.getClassLoader()));
        if (sessionStoreDir != null) {
            app.persistentSessionsUnder(sessionStoreDir);
        } else if (persistentSessions) {
            app.persistentSessions();
        }
        if (compression != null) {
            app.configure(web -> compression.install(web.context()));
        }
        if (jspDevelopment != null) {
            app.jsp(jsp -> jsp.initParameter("development", jspDevelopment.toString()));
        }
        if (jspPrecompile) {
            app.jsp(jsp -> jsp.precompile(true));
        }
    }
}
