package dev.pronto.container.connection;

import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * The {@link UpgradedProtocol} an engine-decided 101 carries through the response line: it marks the switch as the
 * engine's ({@link EngineUpgrade#install} replaces the pipeline's handlers) rather than bytes fed to an application
 * protocol, so none of its callbacks is ever used. Immutable.
 */
record EngineSwitch(EngineUpgrade upgrade, HttpRequest request) implements UpgradedProtocol {

    @Override
    public void onUpgraded(UpgradedChannel channel) {
        throw new IllegalStateException("installed by the engine, never through an UpgradedChannel");
    }

    @Override
    public void onData(ByteBuf data) {
        ReferenceCountUtil.release(data);
    }

    @Override
    public void onClosed() {
    }
}
