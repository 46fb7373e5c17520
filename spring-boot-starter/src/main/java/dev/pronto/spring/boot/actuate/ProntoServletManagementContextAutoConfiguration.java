package dev.pronto.spring.boot.actuate;

import dev.pronto.spring.boot.ProntoServletWebServerAutoConfiguration;
import dev.pronto.servlet.ProntoServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextFactory;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;

/**
 * When Actuator runs on its own port, its child context gets a Pronto web server too (Boot 4 asks each container
 * for a {@link ManagementContextFactory}). Configuration only; the factory is used once, at start-up.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatServletManagementContextAutoConfiguration",
        "org.springframework.boot.jetty.autoconfigure.actuate.web.server.JettyServletManagementContextAutoConfiguration" })
@ConditionalOnClass({ ManagementContextFactory.class, ProntoServer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public final class ProntoServletManagementContextAutoConfiguration {

    @Bean
    ManagementContextFactory servletWebChildContextFactory() {
        return new ManagementContextFactory(WebApplicationType.SERVLET, ServletWebServerFactory.class,
                ProntoServletWebServerAutoConfiguration.class);
    }
}
