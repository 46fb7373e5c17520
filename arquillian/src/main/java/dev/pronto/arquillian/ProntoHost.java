package dev.pronto.arquillian;

import dev.pronto.container.TlsConfig;
import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.security.Realm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Pronto server on one address and port serving every WAR currently deployed, keyed by context path.
 * A {@link ProntoServer}'s applications are fixed when it is built, so each deploy or undeploy rebuilds the server
 * with the new set on the same port (the others are destroyed and initialised again). Methods are synchronized.
 * <pre>
 *   STOPPED --start()--> RUNNING --deploy()/undeploy(): rebuild--> RUNNING --stop()--> STOPPED
 * </pre>
 */
final class ProntoHost {

    private static final Logger log = LoggerFactory.getLogger(ProntoHost.class);

    private final String bindAddress;
    private final Path workDirectory;
    /** The realm of every application, or null. */
    private final Realm realm;
    /** TLS on the port, or null for cleartext. */
    private final TlsConfig tls;
    private final Map<String, Path> wars = new LinkedHashMap<>();
    private int port;
    private ProntoServer server;

    /**
     * @param port          0 picks a free port at the first start; later rebuilds keep the port the first one bound
     * @param workDirectory where the deployer unpacks the WARs
     * @param realm         the users of every application (null: none)
     * @param tls           HTTPS on the port (null: cleartext HTTP)
     */
    ProntoHost(String bindAddress, int port, Path workDirectory, Realm realm, TlsConfig tls) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.workDirectory = workDirectory;
        this.realm = realm;
        this.tls = tls;
    }

    /** Starts the server with no application (every request is answered 404 until something is deployed). */
    synchronized void start() throws Exception {
        rebuild();
    }

    /**
     * Deploys a WAR at a context path and returns the names of its servlets. A WAR that fails to deploy is
     * dropped again, the server is rebuilt without it, and its failure is thrown.
     */
    synchronized List<String> deploy(String contextPath, Path war) throws Exception {
        if (server == null) {
            throw new IllegalStateException("The container is not started");
        }
        if (wars.containsKey(contextPath)) {
            throw new IllegalStateException("Context path '" + contextPath + "' is already deployed");
        }
        wars.put(contextPath, war);
        try {
            rebuild();
        } catch (Exception | LinkageError failure) {
            wars.remove(contextPath);
            rebuildAfterFailure(failure);
            throw failure;
        }
        return servletNames(contextPath);
    }

    /** Undeploys the WAR at a context path (its application is destroyed and its class loader closed). */
    synchronized void undeploy(String contextPath) throws Exception {
        if (wars.remove(contextPath) != null && server != null) {
            rebuild();
        }
    }

    /** Destroys the server and every application; what is still deployed is forgotten. */
    synchronized void stop() {
        wars.clear();
        destroyServer();
    }

    synchronized int port() {
        return port;
    }

    private void rebuild() throws Exception {
        destroyServer();
        ProntoServer.Builder builder = Pronto.server().config(c -> c.host(bindAddress).port(port).tls(tls));
        wars.forEach((contextPath, war) -> {
            Consumer<WebAppBuilder> deployment = WarDeployment.builder(war).contextPath(contextPath)
                    .workDirectory(workDirectory).build();
            builder.webapp(realm == null ? deployment : deployment.andThen(app -> app.realm(realm)));
        });
        ProntoServer built = builder.build();
        try {
            built.start();
        } catch (Exception | LinkageError e) {
            built.destroy();
            throw e;
        }
        server = built;
        port = built.port();
    }

    private void rebuildAfterFailure(Throwable failure) {
        try {
            rebuild();
        } catch (Exception | LinkageError again) {
            failure.addSuppressed(again);
            log.warn("Pronto could not restart the remaining applications after a failed deployment", again);
        }
    }

    private void destroyServer() {
        if (server != null) {
            ProntoServer old = server;
            server = null;
            old.destroy();
        }
    }

    private List<String> servletNames(String contextPath) {
        List<String> names = new ArrayList<>();
        for (WebApplication app : server.applications()) {
            if (app.contextPath().equals(contextPath)) {
                for (ServletHolder holder : app.servlets()) {
                    names.add(holder.getName());
                }
            }
        }
        return names;
    }
}
