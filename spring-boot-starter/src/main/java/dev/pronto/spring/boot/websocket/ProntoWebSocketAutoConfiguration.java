package dev.pronto.spring.boot.websocket;

import dev.pronto.spring.boot.ProntoServletWebServerAutoConfiguration;
import dev.pronto.spring.boot.ProntoServletWebServerFactory;
import dev.pronto.websocket.ProntoWebSocketInitializer;
import dev.pronto.websocket.WebSocketSettings;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Jakarta WebSocket on Pronto for Boot apps, as Boot's {@code WebSocketServletAutoConfiguration} does for Tomcat and
 * Jetty: the WebSocket initializer runs first in the application, so Spring's {@code ServerEndpointExporter} and
 * {@code StandardWebSocketUpgradeStrategy} find the {@code ServerContainer}. Configuration time only.
 */
@AutoConfiguration(before = ProntoServletWebServerAutoConfiguration.class)
@ConditionalOnClass({ServerContainer.class, ProntoWebSocketInitializer.class, ProntoServletWebServerFactory.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server.pronto.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ProntoWebSocketProperties.class)
public class ProntoWebSocketAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<ProntoServletWebServerFactory> prontoWebSocketCustomizer(
            ProntoWebSocketProperties properties) {
        return factory -> {
            factory.addInitializerFirst(new ProntoWebSocketInitializer());
            factory.addWebAppCustomizers(app -> {
                if (properties.getMaxMessageSize() != null) {
                    app.initParameter(WebSocketSettings.MAX_MESSAGE_SIZE,
                            Long.toString(properties.getMaxMessageSize().toBytes()));
                }
                if (properties.getIdleTimeout() != null) {
                    app.initParameter(WebSocketSettings.IDLE_TIMEOUT,
                            Long.toString(properties.getIdleTimeout().toMillis()));
                }
                if (properties.getSendTimeout() != null) {
                    app.initParameter(WebSocketSettings.SEND_TIMEOUT,
                            Long.toString(properties.getSendTimeout().toMillis()));
                }
                if (properties.getPerMessageDeflate() != null) {
                    app.initParameter(WebSocketSettings.PER_MESSAGE_DEFLATE,
                            properties.getPerMessageDeflate().toString());
                }
            });
        };
    }
}
