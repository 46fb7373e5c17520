package dev.pronto.servlet.upgrade;

import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.http.HttpUpgradeHandler;

/** Wraps a {@link ProtocolUpgradeHandler}'s protocol so that its handler is destroyed when the connection closes. */
final class DestroyOnClose implements UpgradedProtocol {

    private final UpgradedProtocol protocol;
    private final HttpUpgradeHandler handler;

    DestroyOnClose(UpgradedProtocol protocol, HttpUpgradeHandler handler) {
        this.protocol = protocol;
        this.handler = handler;
    }

    @Override
    public void onUpgraded(UpgradedChannel channel) {
        protocol.onUpgraded(channel);
    }

    @Override
    public void onData(ByteBuf data) {
        protocol.onData(data);
    }

    @Override
    public void onReadComplete() {
        protocol.onReadComplete();
    }

    @Override
    public void onWritable() {
        protocol.onWritable();
    }

    @Override
    public void onIdleTimeout(UpgradedChannel channel) {
        protocol.onIdleTimeout(channel);
    }

    @Override
    public void onShutdown(UpgradedChannel channel) {
        protocol.onShutdown(channel);
    }

    @Override
    public void onClosed() {
        try {
            protocol.onClosed();
        } finally {
            handler.destroy();
        }
    }
}
