package dev.pronto.arquillian;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.TlsTrustMaterial;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The container's settings, set by Arquillian from {@code arquillian.xml} ({@code <property name="port">}) through
 * the setters: the port to listen on (0, the default, picks a free one when the container starts), the address to
 * bind (loopback by default), an optional users file (a {@code UserFileRealm}: the realm of every deployed WAR,
 * as a Tomcat engine's realm), and optional TLS: a key store makes the port HTTPS, a trust store and
 * {@code clientAuth} ({@code NONE}, {@code WANT}, {@code NEED}) ask for client certificates (e.g. a second
 * container qualified {@code https} for CLIENT-CERT tests). Confined to Arquillian's thread.
 */
public final class ProntoContainerConfiguration implements ContainerConfiguration {

    private int port;
    private String bindAddress = "127.0.0.1";
    private String users;
    private String keyStore;
    private String keyStorePassword;
    private String keyStoreType;
    private String trustStore;
    private String trustStorePassword;
    private String trustStoreType;
    private String clientAuth = TlsConfig.ClientAuth.NONE.name();

    @Override
    public void validate() throws ConfigurationException {
        if (port < 0 || port > 65_535) {
            throw new ConfigurationException("port must be 0..65535, got " + port);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new ConfigurationException("bindAddress must be set");
        }
        try {
            InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("bindAddress " + bindAddress + " does not resolve", e);
        }
        if (users != null && !Files.isRegularFile(Path.of(users))) {
            throw new ConfigurationException("users file " + Path.of(users).toAbsolutePath() + " does not exist");
        }
        validateTls();
    }

    private void validateTls() throws ConfigurationException {
        for (String file : new String[] {keyStore, trustStore}) {
            if (file != null && !Files.isRegularFile(Path.of(file))) {
                throw new ConfigurationException("TLS store " + Path.of(file).toAbsolutePath() + " does not exist");
            }
        }
        if (keyStore == null && trustStore != null) {
            throw new ConfigurationException("trustStore needs keyStore: client certificates are asked for over TLS");
        }
        try {
            TlsConfig.ClientAuth.valueOf(clientAuth);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException("clientAuth must be NONE, WANT or NEED, got " + clientAuth);
        }
    }

    /** The TLS settings of the port, or null (cleartext) without a key store. */
    TlsConfig tls() {
        if (keyStore == null) {
            return null;
        }
        TlsConfig.Builder tls = TlsConfig.builder()
                .key(TlsKeyMaterial.keyStore(Path.of(keyStore), keyStoreType, keyStorePassword, null, null))
                .clientAuth(TlsConfig.ClientAuth.valueOf(clientAuth));
        if (trustStore != null) {
            tls.trust(TlsTrustMaterial.trustStore(Path.of(trustStore), trustStoreType, trustStorePassword));
        }
        return tls.build();
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** The users file ({@code name = pbkdf2-sha256:…, role, role}), or null for no realm. */
    public String getUsers() {
        return users;
    }

    public void setUsers(String users) {
        this.users = users;
    }

    /** The server's key store (PKCS12 unless {@link #setKeyStoreType} says JKS); null: cleartext HTTP. */
    public String getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(String keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    public void setKeyStoreType(String keyStoreType) {
        this.keyStoreType = keyStoreType;
    }

    /** What client certificates are verified against (every certificate in it is trusted); null: the JDK's. */
    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
    }

    /** {@code NONE} (default), {@code WANT} or {@code NEED} a client certificate in the handshake. */
    public String getClientAuth() {
        return clientAuth;
    }

    public void setClientAuth(String clientAuth) {
        this.clientAuth = clientAuth;
    }
}
