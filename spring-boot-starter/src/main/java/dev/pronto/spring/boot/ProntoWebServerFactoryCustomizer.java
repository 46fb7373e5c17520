package dev.pronto.spring.boot;

import dev.pronto.container.ServerConfig;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Applies what Boot's generic servlet customizer leaves to each container ({@code server.max-http-request-header-size},
 * {@code server.forward-headers-strategy}) and Pronto's own {@code server.pronto.*}. Runs once, at start-up.
 */
public class ProntoWebServerFactoryCustomizer
        implements WebServerFactoryCustomizer<ProntoServletWebServerFactory>, Ordered {

    private final Environment environment;
    private final ServerProperties serverProperties;
    private final ProntoProperties pronto;

    public ProntoWebServerFactoryCustomizer(Environment environment, ServerProperties serverProperties,
                                            ProntoProperties pronto) {
        this.environment = environment;
        this.serverProperties = serverProperties;
        this.pronto = pronto;
    }

    /** After Boot's ServletWebServerFactoryCustomizer (order 0), like Tomcat's own customizer. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void customize(ProntoServletWebServerFactory factory) {
        DataSize headerSize = serverProperties.getMaxHttpRequestHeaderSize();
        if (headerSize != null && headerSize.toBytes() > 0) {
            factory.setMaxHttpRequestHeaderSize((int) Math.min(Integer.MAX_VALUE, headerSize.toBytes()));
        }
        factory.setUseForwardHeaders(useForwardHeaders());
        factory.setUseRelativeRedirects(useRelativeRedirects());
        factory.setExecutor(pronto.getExecutor().getKind(), pronto.getExecutor().getMaxConcurrency());
        factory.setTlsProvider(pronto.getSsl().getProvider());
        factory.setTlsHandshakeTimeout(pronto.getSsl().getHandshakeTimeout());
        if (pronto.getHttpPort() != null) {
            factory.setHttpPort(pronto.getHttpPort());
        }
        factory.setAccessLog(pronto.getAccesslog().toConfig());
        factory.setSessionStoreUri(pronto.getSession().storeUri());
        factory.setJspPrecompile(pronto.getJsp().isPrecompile());
        factory.setHttp2Settings(pronto.getHttp2().toConfig());
        factory.addServerCustomizers(this::customizeServer);
    }

    /** Boot's rule: the explicit strategy, else native when the detected cloud platform sets forwarded headers. */
    private boolean useForwardHeaders() {
        ServerProperties.ForwardHeadersStrategy strategy = serverProperties.getForwardHeadersStrategy();
        if (strategy == null) {
            CloudPlatform platform = CloudPlatform.getActive(environment);
            return platform != null && platform.isUsingForwardHeaders();
        }
        return strategy == ServerProperties.ForwardHeadersStrategy.NATIVE;
    }

    /**
     * {@code server.pronto.use-relative-redirects}, else Tomcat's property of the same meaning (an application
     * moving from Tomcat keeps its setting; it is read from the environment, Tomcat's classes are absent).
     */
    private boolean useRelativeRedirects() {
        Boolean pronto = this.pronto.getUseRelativeRedirects();
        if (pronto != null) {
            return pronto;
        }
        return environment.getProperty("server.tomcat.use-relative-redirects", Boolean.class, false);
    }

    private void customizeServer(ServerConfig.Builder config) {
        PropertyMapper map = PropertyMapper.get();
        map.from(pronto::getIoThreads).to(config::ioThreads);
        map.from(pronto::getTransport).to(config::transport);
        map.from(pronto::isReusePort).to(config::reusePort);
        map.from(pronto::getMaxPipelined).to(config::maxPipelined);
        map.from(pronto::getHeadTimeout).to(config::headTimeout);
        map.from(pronto::getIdleTimeout).to(config::idleTimeout);
        map.from(pronto::getBlockingTimeout).to(config::blockingTimeout);
        map.from(pronto::getMaxBodySize).as(DataSize::toBytes).to(config::maxBodySize);
        map.from(pronto::getMaxConnections).to(config::maxConnections);
        map.from(pronto::getMaxUriLength).to(config::maxUriLength);
        map.from(this::maxFormSize).as(DataSize::toBytes).to(config::maxFormSize);
        config.allowTrace(pronto.isAllowTrace());
    }

    /** {@code server.pronto.max-form-size}, else Tomcat's {@code server.tomcat.max-http-form-post-size}. */
    private DataSize maxFormSize() {
        if (pronto.getMaxFormSize() != null) {
            return pronto.getMaxFormSize();
        }
        return Binder.get(environment).bind("server.tomcat.max-http-form-post-size", DataSize.class).orElse(null);
    }
}
