package dev.pronto.container;

import dev.pronto.container.tls.KeyStores;
import dev.pronto.container.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificates client certificates are verified against: a trust store, a PEM file, or a {@link KeyStore}
 * already loaded. Immutable; {@link #load()} reads the file again each time.
 */
public interface TlsTrustMaterial {

    List<X509Certificate> load() throws IOException, GeneralSecurityException;

    /** The files {@link #load()} reads; empty for in-memory material. */
    List<Path> files();

    /** A trust store file ({@code type} PKCS12 when null, or JKS); every certificate entry is trusted. */
    static TlsTrustMaterial trustStore(Path file, String type, String password) {
        Objects.requireNonNull(file, "file");
        return new TlsTrustMaterial() {
            @Override
            public List<X509Certificate> load() throws IOException, GeneralSecurityException {
                return KeyStores.certificates(KeyStores.read(file, type, password), file);
            }

            @Override
            public List<Path> files() {
                return List.of(file);
            }
        };
    }

    /** A PEM file of one or more certificates. */
    static TlsTrustMaterial pem(Path certificates) {
        Objects.requireNonNull(certificates, "certificates");
        return new TlsTrustMaterial() {
            @Override
            public List<X509Certificate> load() throws IOException, GeneralSecurityException {
                return PemFiles.certificates(certificates);
            }

            @Override
            public List<Path> files() {
                return List.of(certificates);
            }
        };
    }

    /** A trust store already loaded. */
    static TlsTrustMaterial of(KeyStore store) {
        Objects.requireNonNull(store, "store");
        return new TlsTrustMaterial() {
            @Override
            public List<X509Certificate> load() throws GeneralSecurityException {
                return KeyStores.certificates(store, null);
            }

            @Override
            public List<Path> files() {
                return List.of();
            }
        };
    }
}
