package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.accesslog.AccessLogEntry;
import dev.pronto.servlet.request.HttpServletRequestImpl;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import jakarta.servlet.http.Cookie;

/**
 * A finished servlet request as the access log reads it: the request's own views, so the remote address is the
 * one forwarded-header handling resolved. Read on the thread that completed the request, before it is released.
 */
record ServletAccessLogEntry(HttpServletRequestImpl request, HttpServletResponseImpl response, long startMillis,
                             long elapsedNanos) implements AccessLogEntry {

    @Override
    public String remoteAddr() {
        return request.getRemoteAddr();
    }

    @Override
    public String localAddr() {
        return request.getLocalAddr();
    }

    @Override
    public int localPort() {
        return request.getLocalPort();
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String uri() {
        return request.getRequestURI();
    }

    @Override
    public String query() {
        return request.getQueryString();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public int status() {
        return response.exchange().status();
    }

    @Override
    public long bytesSent() {
        return response.exchange().bodyBytesSent();
    }

    @Override
    public String requestHeader(String name) {
        return request.getHeader(name);
    }

    @Override
    public String responseHeader(String name) {
        return response.getHeader(name);
    }

    @Override
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public String remoteUser() {
        return request.getRemoteUser();
    }

    @Override
    public String sessionId() {
        return request.getRequestedSessionId();
    }

    @Override
    public String serverName() {
        return request.getServerName();
    }

    @Override
    public Object requestAttribute(String name) {
        return request.getAttribute(name);
    }
}
