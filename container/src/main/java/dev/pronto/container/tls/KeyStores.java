package dev.pronto.container.tls;

import dev.pronto.container.TlsKeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads PKCS12/JKS key stores and picks key entries and trusted certificates out of them. Stateless. */
public final class KeyStores {

    private KeyStores() {
    }

    /** Loads {@code file} as {@code type} (PKCS12 when null or empty). */
    public static KeyStore read(Path file, String type, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type == null || type.isEmpty() ? "PKCS12" : type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            // a wrong password surfaces as an IOException whose cause is UnrecoverableKeyException
            throw new IOException("Cannot read key store " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** The key entry {@code alias} (or the first key entry when null) with its chain. */
    public static TlsKeyMaterial.Loaded keyEntry(KeyStore store, String alias, String keyPassword, Path file)
            throws GeneralSecurityException {
        String where = file == null ? "the key store" : "key store " + file;
        String chosen = alias;
        if (chosen == null) {
            for (String candidate : Collections.list(store.aliases())) {
                if (store.isKeyEntry(candidate)) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                throw new GeneralSecurityException(where + " holds no private key");
            }
        }
        Key key;
        try {
            key = store.getKey(chosen, keyPassword == null ? new char[0] : keyPassword.toCharArray());
        } catch (UnrecoverableKeyException e) {
            throw new UnrecoverableKeyException("Cannot recover key '" + chosen + "' of " + where
                    + " (wrong key password?)");
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new GeneralSecurityException(where + " has no private key under alias '" + chosen + "'");
        }
        Certificate[] chain = store.getCertificateChain(chosen);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(where + " has no certificate chain under alias '" + chosen + "'");
        }
        return new TlsKeyMaterial.Loaded(privateKey, certificates);
    }

    /** Every certificate of {@code store} (trusted entries and the leaves of key entries). */
    public static List<X509Certificate> certificates(KeyStore store, Path file) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException((file == null ? "the trust store" : "trust store " + file)
                    + " holds no certificate");
        }
        return certificates;
    }
}
