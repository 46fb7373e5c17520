package dev.pronto.arquillian;

import dev.pronto.servlet.security.Realm;
import dev.pronto.servlet.security.UserFileRealm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arquillian's view of an embedded Pronto server: {@link #start} binds the configured address and port, and each
 * {@link #deploy} exports the ShrinkWrap archive to a {@code .war} in a new temporary directory, deploys it through
 * the WAR deployer at the context path its name gives ({@code shop.war} → {@code /shop}, {@code ROOT.war} →
 * {@code /}) and reports the HTTP context with its servlets. Tests run in this JVM ({@code Local} protocol).
 * Called by Arquillian's thread.
 */
public final class ProntoDeployableContainer implements DeployableContainer<ProntoContainerConfiguration> {

    private static final Logger log = LoggerFactory.getLogger(ProntoDeployableContainer.class);

    private final Map<String, Path> exported = new ConcurrentHashMap<>();
    private ProntoContainerConfiguration configuration = new ProntoContainerConfiguration();
    private ProntoHost host;
    private Path workDirectory;

    @Override
    public Class<ProntoContainerConfiguration> getConfigurationClass() {
        return ProntoContainerConfiguration.class;
    }

    @Override
    public void setup(ProntoContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Binds; the WARs deployed until {@link #stop} are unpacked into a work directory of this container's own. */
    @Override
    public void start() throws LifecycleException {
        try {
            workDirectory = Files.createTempDirectory("pronto-arquillian-work-");
        } catch (IOException e) {
            throw new LifecycleException("Pronto could not create its work directory", e);
        }
        Realm realm;
        try {
            realm = configuration.getUsers() == null ? null : UserFileRealm.load(Path.of(configuration.getUsers()));
        } catch (IOException | RuntimeException e) {
            deleteTree(workDirectory);
            throw new LifecycleException("Pronto could not read the users file " + configuration.getUsers(), e);
        }
        ProntoHost starting = new ProntoHost(configuration.getBindAddress(), configuration.getPort(), workDirectory,
                realm, configuration.tls());
        try {
            starting.start();
        } catch (Exception e) {
            starting.stop();
            deleteTree(workDirectory);
            throw new LifecycleException("Pronto could not start on " + configuration.getBindAddress() + ":"
                    + configuration.getPort(), e);
        }
        host = starting;
    }

    /** Destroys every application, then deletes the exported WARs and the work directory. */
    @Override
    public void stop() {
        if (host != null) {
            host.stop();
            host = null;
        }
        exported.values().forEach(ProntoDeployableContainer::deleteQuietly);
        exported.clear();
        if (workDirectory != null) {
            deleteTree(workDirectory);
        }
    }

    /** Where the WARs are unpacked while the container runs (deleted by {@link #stop}). */
    Path workDirectory() {
        return workDirectory;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (host == null) {
            throw new DeploymentException("Pronto is not started");
        }
        if (!archive.getName().endsWith(".war")) {
            throw new DeploymentException("Pronto deploys web archives (.war) only, not " + archive.getName());
        }
        String contextPath = contextPath(archive.getName());
        Path war = export(archive);
        List<String> servlets;
        try {
            servlets = host.deploy(contextPath, war);
        } catch (Exception | LinkageError e) {
            deleteQuietly(war);
            throw new DeploymentException("Pronto could not deploy " + archive.getName() + ": " + e.getMessage(), e);
        }
        exported.put(archive.getName(), war);
        return new ProtocolMetaData().addContext(httpContext(contextPath, servlets));
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        Path war = exported.remove(archive.getName());
        if (war == null) {
            return; // never deployed here, or its deployment failed
        }
        try {
            if (host != null) {
                host.undeploy(contextPath(archive.getName()));
            }
        } catch (Exception e) {
            throw new DeploymentException("Pronto could not undeploy " + archive.getName(), e);
        } finally {
            deleteQuietly(war);
        }
    }

    /** Servlet 6.1 §10.1 leaves the context path to the deployer; like the common containers, the name decides. */
    static String contextPath(String warName) {
        String base = warName.substring(0, warName.length() - ".war".length());
        return base.isEmpty() || base.equals("ROOT") ? "" : "/" + base;
    }

    private HTTPContext httpContext(String contextPath, List<String> servlets) {
        HTTPContext context = new HTTPContext(clientHost(), host.port());
        String root = contextPath.isEmpty() ? "/" : contextPath;
        for (String name : servlets) {
            context.add(new Servlet(name, root));
        }
        if (servlets.isEmpty()) {
            // Arquillian builds @ArquillianResource URLs from the first servlet; a WAR of static files has a root too.
            context.add(new Servlet("default", root));
        }
        return context;
    }

    /** The address clients should use: the bound one, or loopback when bound to every interface. */
    private String clientHost() {
        String bind = configuration.getBindAddress();
        try {
            return InetAddress.getByName(bind).isAnyLocalAddress() ? "127.0.0.1" : bind;
        } catch (UnknownHostException e) {
            return bind; // validated at setup; kept as written
        }
    }

    /** Exports to {@code <tmp>/pronto-arquillian-<random>/<archive name>}, so the WAR keeps its own name. */
    private static Path export(Archive<?> archive) throws DeploymentException {
        try {
            Path war = Files.createTempDirectory("pronto-arquillian-").resolve(archive.getName());
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            return war;
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Pronto could not export " + archive.getName(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ProntoDeployableContainer::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the work directory {}", root, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes an exported WAR and the directory made for it. */
    private static void deleteQuietly(Path war) {
        try {
            Files.deleteIfExists(war);
            Files.deleteIfExists(war.getParent());
        } catch (IOException e) {
            log.warn("Could not delete the exported archive {}", war, e);
        }
    }
}
