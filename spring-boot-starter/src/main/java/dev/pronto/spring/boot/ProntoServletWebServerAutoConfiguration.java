package dev.pronto.spring.boot;

import dev.pronto.servlet.ProntoServer;
import jakarta.servlet.ServletRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.autoconfigure.servlet.ServletWebServerConfiguration;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Runs a servlet web application on Pronto: a {@link ProntoServletWebServerFactory} unless the application defines
 * its own {@link ServletWebServerFactory}, ahead of Tomcat's and Jetty's auto-configurations. Boot's
 * {@link ServletWebServerConfiguration} is imported so that {@code server.*} reaches the factory.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration" })
@ConditionalOnClass({ ServletRequest.class, ProntoServer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProntoProperties.class)
@Import(ServletWebServerConfiguration.class)
public final class ProntoServletWebServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
    ProntoServletWebServerFactory prontoServletWebServerFactory() {
        return new ProntoServletWebServerFactory();
    }

    @Bean
    ProntoWebServerFactoryCustomizer prontoWebServerFactoryCustomizer(Environment environment,
                                                                      ServerProperties serverProperties,
                                                                      ProntoProperties prontoProperties) {
        return new ProntoWebServerFactoryCustomizer(environment, serverProperties, prontoProperties);
    }
}
