package dev.pronto.servlet.session;

import java.util.Locale;
import java.util.ServiceLoader;

/** Chooses a session store from its URI: {@code memory} (the default) or a scheme an installed provider knows. */
public final class SessionStores {

    private SessionStores() {
    }

    /**
     * A new store for one web application: null for {@code memory} (or null/blank), else the store of the first
     * {@link SessionStoreProvider} on {@code loader}'s class path that supports the URI's scheme.
     *
     * @throws IllegalArgumentException when no installed module knows the scheme (naming the module to add)
     */
    public static SessionStore create(String uri, ClassLoader loader) {
        if (uri == null || uri.isBlank() || uri.trim().equalsIgnoreCase("memory")) {
            return null;
        }
        int colon = uri.indexOf(':');
        String scheme = (colon < 0 ? uri : uri.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        for (SessionStoreProvider provider : ServiceLoader.load(SessionStoreProvider.class, loader)) {
            if (provider.supports(scheme)) {
                return provider.create(uri.trim());
            }
        }
        throw new IllegalArgumentException("No session store for '" + scheme + "': "
                + (scheme.startsWith("redis") ? "add dev.pronto:pronto-session-redis to the class path"
                : "use memory or redis://host:port"));
    }
}
