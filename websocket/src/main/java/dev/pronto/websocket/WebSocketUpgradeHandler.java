package dev.pronto.websocket;

import dev.pronto.container.UpgradedProtocol;
import dev.pronto.servlet.upgrade.ProtocolUpgradeHandler;

/**
 * The servlet upgrade handler of a WebSocket handshake: after the 101 the bridge hands the channel straight to the
 * Tyrus connection it carries (no servlet streams). Created by {@code HttpServletRequest.upgrade} on the request's
 * thread, then {@link #attach attached} there.
 */
public final class WebSocketUpgradeHandler implements ProtocolUpgradeHandler {

    private TyrusChannelConnection connection;

    public WebSocketUpgradeHandler() {
        // created by HttpServletRequest.upgrade
    }

    void attach(TyrusChannelConnection connection) {
        this.connection = connection;
    }

    @Override
    public UpgradedProtocol protocol() {
        return connection;
    }

    @Override
    public void destroy() {
        // the Tyrus connection reported its close to the endpoint already (TyrusChannelConnection.onClosed)
    }
}
