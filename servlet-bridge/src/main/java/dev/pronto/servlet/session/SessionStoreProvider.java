package dev.pronto.servlet.session;

/**
 * Makes session stores from a URI whose scheme it knows ({@code redis://…}); found with {@link java.util.ServiceLoader}
 * by {@link SessionStores}, so that the runner and the Boot starter configure an optional store module by its URI
 * alone. Implementations are stateless and thread-safe.
 */
public interface SessionStoreProvider {

    /** Whether this provider makes stores for URIs of this scheme (lower case, e.g. {@code redis}). */
    boolean supports(String scheme);

    /** A new store for one web application (each application needs its own). */
    SessionStore create(String uri);
}
