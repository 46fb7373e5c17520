package dev.pronto.arquillian;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The container's settings, set by Arquillian from {@code arquillian.xml} ({@code <property name="port">}) through
 * the setters: the port to listen on (0, the default, picks a free one when the container starts), the address to
 * bind (loopback by default), and an optional users file (a {@code UserFileRealm}: the realm of every deployed WAR,
 * as a Tomcat engine's realm). Confined to Arquillian's thread.
 */
public final class ProntoContainerConfiguration implements ContainerConfiguration {

    private int port;
    private String bindAddress = "127.0.0.1";
    private String users;

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
}
