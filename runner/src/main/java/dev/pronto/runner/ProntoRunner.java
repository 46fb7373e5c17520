package dev.pronto.runner;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.session.SessionStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs WARs with one command: {@code java -jar pronto-runner.jar app.war [other.war ...] [--port N] [--threads N]}.
 * {@code ROOT.war} is served at {@code /}, {@code shop.war} at {@code /shop} (unless the descriptor names a
 * default context path). One log line per deployed application; exit status 1 when a deployment fails, 2 for a bad
 * command line; SIGTERM (or Ctrl-C) stops gracefully: requests in flight get {@value #GRACE_SECONDS} seconds, then
 * the applications are destroyed. The main thread only starts; the server's threads serve.
 */
public final class ProntoRunner {

    static final int GRACE_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ProntoRunner.class);

    private ProntoRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ProntoServer server;
        try {
            server = start(options);
        } catch (Exception e) {
            LOG.error("Deployment failed: {}", e.getMessage());
            LOG.debug("Deployment failure", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "pronto-shutdown"));
        Thread.currentThread().join();
    }

    /**
     * Deploys every WAR and starts the server; logs one line per application.
     *
     * @throws Exception the first failure (with the WAR it concerns); nothing is left running
     */
    public static ProntoServer start(RunnerOptions options) throws Exception {
        ProntoServer.Builder builder = Pronto.server().config(c -> c.port(options.port()).ioThreads(options.threads())
                .http2(options.http2()));
        List<Long> assemblyMillis = new ArrayList<>();
        // one realm for every application, as a Tomcat engine's realm: passwords hashed (PBKDF2), see the README
        dev.pronto.servlet.security.Realm realm = options.users() == null ? null
                : dev.pronto.servlet.security.UserFileRealm.load(options.users());
        ForwardedHeaders forwarded = options.trustedProxies().isEmpty() ? null
                : ForwardedHeaders.trusting(options.trustedProxies().toArray(new String[0]));
        for (Path war : options.wars()) {
            long started = System.nanoTime();
            try {
                builder.webapp(WarDeployment.of(war).andThen(app -> {
                    if (realm != null) {
                        app.realm(realm);
                    }
                    if (forwarded != null) {
                        app.forwardedHeaders(forwarded);
                    }
                    // one store per application: each owns its connection and its key space
                    app.sessionStore(SessionStores.create(options.sessionStore(), ProntoRunner.class.getClassLoader()));
                }));
            } catch (RuntimeException e) {
                throw new IllegalStateException(war + ": " + e.getMessage(), e);
            }
            assemblyMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        ProntoServer server = builder.build();
        long started = System.nanoTime();
        try {
            server.start();
        } catch (Exception | LinkageError e) {
            server.destroy();
            throw e;
        }
        long startMillis = (System.nanoTime() - started) / 1_000_000;
        for (int i = 0; i < options.wars().size(); i++) {
            WebApplication app = server.applications().get(i);
            LOG.info("Deployed {} at http://localhost:{}{}/ ({} servlets, {} filters; read in {} ms, all started in {} ms)",
                    options.wars().get(i).getFileName(), server.port(), app.contextPath(), app.servlets().size(),
                    app.filters().size(), assemblyMillis.get(i), startMillis);
        }
        return server;
    }

    /** Convenience for tests and embedding: parses {@code args} and starts. */
    public static ProntoServer start(String... args) throws Exception {
        return start(RunnerOptions.parse(args));
    }

    private static void stop(ProntoServer server) {
        LOG.info("Stopping: {} request(s) in flight get up to {} s", server.activeRequests(), GRACE_SECONDS);
        server.stop(Duration.ofSeconds(GRACE_SECONDS));
        server.destroy();
        LOG.info("Stopped");
    }
}
