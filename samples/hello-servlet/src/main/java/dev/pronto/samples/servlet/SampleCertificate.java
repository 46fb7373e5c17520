package dev.pronto.samples.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for {@code localhost}, made with the JDK's keytool. For the sample and the
 * benchmark peers' TLS runs only. Stateless.
 */
public final class SampleCertificate {

    public static final String PASSWORD = "changeit";

    private SampleCertificate() {
    }

    /** A new PKCS12 key store (EC P-256, CN=localhost) in a temporary directory deleted on exit. */
    public static Path create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pronto-sample-tls");
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        store.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return store;
    }
}
