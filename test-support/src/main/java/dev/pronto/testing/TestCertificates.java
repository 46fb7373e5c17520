package dev.pronto.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool} (no BouncyCastle), written as PKCS12,
 * JKS and PEM files in a temporary directory, and client {@link SSLContext}s that trust them. Made once per JVM;
 * thread-safe after that. Every store and key password is {@link #PASSWORD}.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private static volatile TestCertificates instance;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The shared set: {@code localhost} (also 127.0.0.1), {@code other.test} and a client certificate. */
    public static TestCertificates get() {
        TestCertificates result = instance;
        if (result == null) {
            synchronized (TestCertificates.class) {
                result = instance;
                if (result == null) {
                    result = create();
                    instance = result;
                }
            }
        }
        return result;
    }

    private static TestCertificates create() {
        try {
            Path dir = Files.createTempDirectory("pronto-certs");
            TestCertificates certs = new TestCertificates(dir);
            certs.generate("localhost", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
            certs.generate("other", "CN=other.test", "SAN=dns:other.test");
            certs.generate("client", "CN=test client", null);
            certs.keytool("-importkeystore", "-srckeystore", dir.resolve("localhost.p12").toString(),
                    "-srcstoretype", "PKCS12", "-srcstorepass", PASSWORD, "-destkeystore",
                    dir.resolve("localhost.jks").toString(), "-deststoretype", "JKS", "-deststorepass", PASSWORD,
                    "-destkeypass", PASSWORD, "-noprompt");
            certs.writePem("localhost");
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make test certificates: " + e, e);
        }
    }

    /** A fresh self-signed key pair as {@code <name>.p12} in {@code directory} (e.g. for reload tests). */
    public static Path generate(Path directory, String name, String dname, String san) {
        TestCertificates certs = new TestCertificates(directory);
        try {
            certs.generate(name, dname, san);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.resolve(name + ".p12");
    }

    private void generate(String name, String dname, String san) throws IOException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "3", "-keystore", dir.resolve(name + ".p12").toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            args.add("-ext");
            args.add(san);
        }
        keytool(args.toArray(new String[0]));
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void writePem(String name) throws IOException, GeneralSecurityException {
        KeyStore store = load(dir.resolve(name + ".p12"));
        PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
        Files.writeString(dir.resolve(name + ".key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        StringBuilder chain = new StringBuilder();
        for (Certificate c : store.getCertificateChain(name)) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        Files.writeString(dir.resolve(name + ".crt.pem"), chain);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** {@code <name>.p12} for localhost, other, client. */
    public Path pkcs12(String name) {
        return dir.resolve(name + ".p12");
    }

    /** {@code localhost.jks}. */
    public Path jks() {
        return dir.resolve("localhost.jks");
    }

    /** localhost's certificate chain as PEM. */
    public Path pemCertificate() {
        return dir.resolve("localhost.crt.pem");
    }

    /** localhost's private key as unencrypted PKCS#8 PEM. */
    public Path pemKey() {
        return dir.resolve("localhost.key.pem");
    }

    /** The certificate of key store {@code p12}. */
    public static X509Certificate certificate(Path p12) {
        try {
            KeyStore store = load(p12);
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context trusting localhost and other.test; with {@code clientKey}, it presents the client certificate. */
    public SSLContext clientContext(boolean clientKey) {
        return clientContext(clientKey, pkcs12("localhost"), pkcs12("other"));
    }

    /** A client context trusting the certificates of {@code trusted} key stores. */
    public SSLContext clientContext(boolean clientKey, Path... trusted) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Path p12 : trusted) {
                trust.setCertificateEntry("trusted-" + i++, certificate(p12));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientKey) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(pkcs12("client")), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
