package example.greeting;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** A listener whose application cannot start: it throws from {@code contextInitialized}. */
public class FailingListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        throw new IllegalStateException("refusing to start");
    }
}
