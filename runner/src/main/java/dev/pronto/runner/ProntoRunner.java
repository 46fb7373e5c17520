package dev.pronto.runner;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.security.Realm;
import dev.pronto.servlet.security.UserFileRealm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs WARs with one command: {@code java -jar pronto-runner.jar app.war [other.war ...] [flags]} (the flags:
 * {@link RunnerFlags}, {@code --help}).
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
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(RunnerFlags.usage());
            return;
        }
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunnerOptions.SHORT_USAGE);
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
        ProntoServer.Builder builder = Pronto.server().config(options.server())
                .executor(options.executorKind(), options.maxConcurrency())
                .accessLog(options.accessLog());
        if (options.workDirectory() != null) {
            builder.workDirectory(options.workDirectory());
        }
        List<Long> assemblyMillis = new ArrayList<>();
        // one realm for every application, as a Tomcat engine's realm: passwords hashed (PBKDF2), see the README
        Realm realm = options.webApps().users() == null ? null : UserFileRealm.load(options.webApps().users());
        for (Path war : options.wars()) {
            long started = System.nanoTime();
            try {
                builder.webapp(WarDeployment.of(war).andThen(app -> options.webApps().apply(app, realm)));
            } catch (RuntimeException e) {
                discard(builder);
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
        String scheme = options.server().tls() == null ? "http" : "https";
        if (server.httpPort() > 0) {
            LOG.info("Cleartext HTTP on port {} next to HTTPS on port {}", server.httpPort(), server.port());
        }
        for (int i = 0; i < options.wars().size(); i++) {
            WebApplication app = server.applications().get(i);
            LOG.info("Deployed {} at {}://localhost:{}{}/ ({} servlets, {} filters; read in {} ms, all started in {} ms)",
                    options.wars().get(i).getFileName(), scheme, server.port(), app.contextPath(),
                    app.servlets().size(), app.filters().size(), assemblyMillis.get(i), startMillis);
        }
        return server;
    }

    /** After a failed deployment: the WARs read so far close their class loaders, the run's work directory goes. */
    private static void discard(ProntoServer.Builder builder) {
        try {
            builder.build().destroy();
        } catch (RuntimeException e) {
            LOG.debug("Cleaning up after a failed deployment", e);
        }
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
