package dev.pronto.servlet.dispatch;

/**
 * Makes an application's class loader the thread context class loader for a call into the application (Servlet 6.1
 * §10.7.2: listeners, filters, servlets and error pages see the application's loader), and puts the previous one
 * back. Only touches the thread when the loaders differ. Stateless; acts on the calling thread.
 */
final class ApplicationClassLoader {

    private ApplicationClassLoader() {
    }

    /** Installs {@code loader}; returns the loader to give to {@link #leave}. */
    static ClassLoader enter(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != loader) {
            thread.setContextClassLoader(loader);
        }
        return previous;
    }

    static void leave(ClassLoader previous, ClassLoader loader) {
        if (previous != loader) {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
