package dev.pronto.spring.boot.websocket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code server.pronto.websocket.*}: each maps 1:1 to a {@code WebSocketSettings} field (a context init parameter of
 * the application); unset ones keep Pronto's defaults. Bound once at start-up, then read-only.
 */
@ConfigurationProperties("server.pronto.websocket")
public class ProntoWebSocketProperties {

    /** Whether Jakarta WebSocket (and Spring's WebSocket support on it) is installed. */
    private boolean enabled = true;

    /** Largest frame or message accepted (close 1009 beyond). Default: 1MB. */
    private DataSize maxMessageSize;

    /** Default session idle timeout; 0 for none. Default: none. */
    private Duration idleTimeout;

    /** Longest a send waits for a client that does not read. Default: 30s. */
    private Duration sendTimeout;

    /** Whether permessage-deflate (RFC 7692) is offered. Default: true. */
    private Boolean perMessageDeflate;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        if (maxMessageSize != null && (maxMessageSize.toBytes() <= 0 || maxMessageSize.toBytes() > Integer.MAX_VALUE / 4)) {
            throw new IllegalArgumentException("max-message-size must be positive and below 512MB");
        }
        this.maxMessageSize = maxMessageSize;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public Boolean getPerMessageDeflate() {
        return perMessageDeflate;
    }

    public void setPerMessageDeflate(Boolean perMessageDeflate) {
        this.perMessageDeflate = perMessageDeflate;
    }
}
