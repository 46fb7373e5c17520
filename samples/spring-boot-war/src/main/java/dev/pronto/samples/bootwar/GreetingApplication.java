package dev.pronto.samples.bootwar;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application deployed as a WAR: the container finds Spring's {@code ServletContainerInitializer},
 * which finds this {@link SpringBootServletInitializer}, which starts the application context (Spring MVC's
 * {@code DispatcherServlet} on "/").
 */
@SpringBootApplication
@RestController
public class GreetingApplication extends SpringBootServletInitializer {

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(GreetingApplication.class);
    }

    @GetMapping("/greet/{name}")
    public Map<String, String> greet(@PathVariable String name, HttpServletRequest request) {
        return Map.of("greeting", "Hello, " + name, "contextPath", request.getContextPath(),
                "server", request.getServletContext().getServerInfo());
    }
}
