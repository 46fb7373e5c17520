package dev.pronto.servlet.context;

/**
 * The one way the bridge runs application code with the application's class loader as the thread's context class
 * loader (Servlet 6.1 §10.7.2: listeners, filters, servlets, async work and callbacks see it), and puts the previous
 * one back. Allocation-free, for the request path:
 *
 * <pre>{@code
 * ClassLoader previous = ClassLoaderSwap.enter(app.classLoader());
 * try { ... } finally { ClassLoaderSwap.exit(previous); }
 * }</pre>
 * Stateless; acts on the calling thread.
 */
public final class ClassLoaderSwap {

    private ClassLoaderSwap() {
    }

    /** Makes {@code loader} the calling thread's context class loader; returns the one to put back. */
    public static ClassLoader enter(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != loader) {
            thread.setContextClassLoader(loader); // skipped when already in place: the common embedded case
        }
        return previous;
    }

    /** Puts back what {@link #enter} returned. */
    public static void exit(ClassLoader previous) {
        Thread thread = Thread.currentThread();
        if (thread.getContextClassLoader() != previous) {
            thread.setContextClassLoader(previous);
        }
    }
}
