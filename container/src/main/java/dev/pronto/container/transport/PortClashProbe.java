package dev.pronto.container.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds a fixed port that is already taken before binding it with {@code SO_REUSEPORT}: with that option a second
 * Pronto (the same app started twice) would silently share the port instead of failing; a plain socket without
 * it fails on any listener. Stateless.
 */
public final class PortClashProbe {

    private PortClashProbe() {
    }

    /** @throws BindException if something listens on {@code host:port} ({@code host} null: every interface) */
    public static void check(String host, int port) throws BindException {
        if (port <= 0) {
            return;
        }
        InetSocketAddress address = host == null || host.isEmpty() ? new InetSocketAddress(port)
                : new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return; // the real bind reports it
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // ignore TIME_WAIT leftovers, as the real bind does
            probe.bind(address, 1);
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("in use")) {
                throw e;
            }
            // another kind of bind failure (e.g. an address not on this host): the real bind reports it
        } catch (IOException e) {
            // not a clash: let the real bind report whatever is wrong
        }
    }
}
