package dev.pronto.servlet.request;

import jakarta.servlet.ServletConnection;

/** {@code ServletConnection} of an HTTP/1.1 connection, over TLS or not (Servlet 6.1 §3.15). Immutable. */
public record ServletConnectionImpl(String connectionId, boolean secure) implements ServletConnection {

    @Override
    public String getConnectionId() {
        return connectionId;
    }

    @Override
    public String getProtocol() {
        return "http/1.1";
    }

    @Override
    public String getProtocolConnectionId() {
        return ""; // HTTP/1.1 defines no connection identifier
    }

    @Override
    public boolean isSecure() {
        return secure;
    }
}
