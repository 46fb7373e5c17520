package dev.pronto.container.tls;

import dev.pronto.container.TlsConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * The TLS implementation a server uses and why: OpenSSL (BoringSSL from netty-tcnative) when asked for or, with
 * {@code AUTO}, when it loads; else the JDK's. Immutable.
 */
public record TlsProviderChoice(SslProvider provider, String reason) {

    /** Decides for {@code requested}; fails if OPENSSL is required and netty-tcnative does not load. */
    public static TlsProviderChoice choose(TlsConfig.Provider requested) {
        switch (requested) {
            case JDK:
                return new TlsProviderChoice(SslProvider.JDK, "configured");
            case OPENSSL:
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException("TLS provider OPENSSL was asked for but netty-tcnative does not "
                            + "load: " + unavailability());
                }
                return new TlsProviderChoice(SslProvider.OPENSSL, "configured; " + OpenSsl.versionString());
            default:
                return OpenSsl.isAvailable()
                        ? new TlsProviderChoice(SslProvider.OPENSSL, OpenSsl.versionString() + " from netty-tcnative")
                        : new TlsProviderChoice(SslProvider.JDK, unavailability());
        }
    }

    private static String unavailability() {
        Throwable cause = OpenSsl.unavailabilityCause();
        if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
            return "netty-tcnative is not on the classpath";
        }
        return "netty-tcnative did not load (" + (cause == null ? "unknown reason" : cause.toString()) + ")";
    }

    /** "OpenSSL" or "JDK". */
    public String name() {
        return provider == SslProvider.JDK ? "JDK" : "OpenSSL";
    }
}
