package dev.pronto.container;

import dev.pronto.container.tls.KeyStores;
import dev.pronto.container.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A server's private key and certificate chain: from a PKCS12/JKS key store, PEM files, or a {@link KeyStore} already
 * loaded (Spring Boot's SSL bundles). Immutable; {@link #load()} reads the files again each time (certificate reload).
 */
public interface TlsKeyMaterial {

    /** Reads the key and its chain (leaf first). */
    Loaded load() throws IOException, GeneralSecurityException;

    /** The files {@link #load()} reads (watched for changes); empty for in-memory material. */
    List<Path> files();

    /** A loaded key and chain. */
    record Loaded(PrivateKey privateKey, List<X509Certificate> chain) {
        public Loaded {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the certificate chain is empty");
            }
        }
    }

    /**
     * A key store file: {@code type} {@code PKCS12} (default when null) or {@code JKS}; {@code alias} null takes the
     * only (first) key entry; {@code keyPassword} null uses {@code storePassword}.
     */
    static TlsKeyMaterial keyStore(Path file, String type, String storePassword, String alias, String keyPassword) {
        Objects.requireNonNull(file, "file");
        return new TlsKeyMaterial() {
            @Override
            public Loaded load() throws IOException, GeneralSecurityException {
                KeyStore store = KeyStores.read(file, type, storePassword);
                return KeyStores.keyEntry(store, alias, keyPassword != null ? keyPassword : storePassword, file);
            }

            @Override
            public List<Path> files() {
                return List.of(file);
            }

            @Override
            public String toString() {
                return "key store " + file;
            }
        };
    }

    /**
     * PEM files: the certificate chain (leaf first) and a PKCS#8 private key ({@code BEGIN PRIVATE KEY}, or
     * {@code BEGIN ENCRYPTED PRIVATE KEY} with {@code keyPassword}). Both may be the same file.
     */
    static TlsKeyMaterial pem(Path certificateChain, Path privateKey, String keyPassword) {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        return new TlsKeyMaterial() {
            @Override
            public Loaded load() throws IOException, GeneralSecurityException {
                return new Loaded(PemFiles.privateKey(privateKey, keyPassword), PemFiles.certificates(certificateChain));
            }

            @Override
            public List<Path> files() {
                return certificateChain.equals(privateKey) ? List.of(certificateChain)
                        : List.of(certificateChain, privateKey);
            }

            @Override
            public String toString() {
                return "PEM " + certificateChain + " + " + privateKey;
            }
        };
    }

    /** A key store already loaded; {@code alias} null takes the first key entry. */
    static TlsKeyMaterial of(KeyStore store, String alias, String keyPassword) {
        Objects.requireNonNull(store, "store");
        return new TlsKeyMaterial() {
            @Override
            public Loaded load() throws GeneralSecurityException {
                return KeyStores.keyEntry(store, alias, keyPassword, null);
            }

            @Override
            public List<Path> files() {
                return List.of();
            }

            @Override
            public String toString() {
                return "key store (in memory)";
            }
        };
    }
}
