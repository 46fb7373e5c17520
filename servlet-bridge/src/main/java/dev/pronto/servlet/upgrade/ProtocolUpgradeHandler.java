package dev.pronto.servlet.upgrade;

import dev.pronto.container.UpgradedProtocol;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * A Pronto {@link HttpUpgradeHandler} that speaks its protocol straight on the engine's channel
 * ({@link UpgradedProtocol}) instead of through servlet streams: the bridge hands the connection to
 * {@link #protocol()} after the 101 and never builds a {@link WebConnection}, so {@link #init} is not called.
 * Used by the WebSocket module; {@link #destroy()} is called when the connection closes.
 */
public interface ProtocolUpgradeHandler extends HttpUpgradeHandler {

    /** The protocol that takes the connection over after the 101 (called once, on the request's thread). */
    UpgradedProtocol protocol();

    @Override
    default void init(WebConnection connection) {
        throw new IllegalStateException("ProtocolUpgradeHandler.init: the protocol runs on the engine's channel");
    }
}
