package dev.pronto.spring.boot.actuate;

import dev.pronto.servlet.ProntoServer;
import dev.pronto.spring.boot.ProntoWebServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Binds the Pronto server's {@code pronto.*} meters to the application's {@link MeterRegistry} once the web
 * server is up; only when Micrometer is on the classpath (Actuator brings it) and a registry exists.
 */
@AutoConfiguration
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class, ProntoServer.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ProntoMetricsAutoConfiguration {

    @Bean
    ProntoMetricsBinder prontoMetricsBinder(ObjectProvider<MeterRegistry> registries) {
        return new ProntoMetricsBinder(registries);
    }

    /** Binds when the main web server is initialised (not the management one, which shares nothing to count). */
    static final class ProntoMetricsBinder implements ApplicationListener<WebServerInitializedEvent> {
        private final ObjectProvider<MeterRegistry> registries;

        ProntoMetricsBinder(ObjectProvider<MeterRegistry> registries) {
            this.registries = registries;
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (!(event.getWebServer() instanceof ProntoWebServer web)
                    || "management".equals(event.getApplicationContext().getServerNamespace())) {
                return;
            }
            MeterRegistry registry = registries.getIfUnique();
            if (registry != null && registry.find("pronto.connections.open").gauge() == null) {
                new ProntoMeterBinder(web.getProntoServer().metrics(), Collections.emptyList()).bindTo(registry);
            }
        }
    }
}
