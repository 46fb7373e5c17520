package dev.pronto.container;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP/2 for the server's ports: an immutable record built with {@link #builder()}; set it with
 * {@link ServerConfig.Builder#http2(Http2Config)}. When enabled, a TLS port offers {@code h2} by ALPN and a
 * cleartext port accepts h2c with prior knowledge and the HTTP/1.1 {@code Upgrade: h2c}. The Spring Boot starter
 * maps {@code server.http2.enabled} and {@code server.pronto.http2.*} to it.
 *
 * @param enabled               speak HTTP/2 at all (off by default, as in Spring Boot)
 * @param maxConcurrentStreams  SETTINGS_MAX_CONCURRENT_STREAMS: streams a client may have open (RFC 9113 §6.5.2);
 *                              more are refused with RST_STREAM(REFUSED_STREAM)
 * @param initialWindowSize     SETTINGS_INITIAL_WINDOW_SIZE: request body bytes a stream may send before the
 *                              application read them (the stream's receive window)
 * @param maxFrameSize          SETTINGS_MAX_FRAME_SIZE: largest frame payload accepted (16 KiB to 16 MiB - 1)
 * @param maxHeaderListSize     SETTINGS_MAX_HEADER_LIST_SIZE: largest decoded header block (RFC 9113 §6.5.2 size:
 *                              name + value + 32 per field); beyond it 431, or GOAWAY when far beyond
 * @param maxResetsPerWindow    RST_STREAM frames a client may send per {@code resetWindow} before the connection
 *                              is closed with GOAWAY(ENHANCE_YOUR_CALM) (rapid reset, CVE-2023-44487)
 * @param resetWindow           the window {@code maxResetsPerWindow} counts over (whole seconds)
 * @param maxQueuedControlFrames control frames the server may have queued for a client that does not read them
 *                              (SETTINGS/PING floods) before it closes the connection
 */
public record Http2Config(
        boolean enabled,
        int maxConcurrentStreams,
        int initialWindowSize,
        int maxFrameSize,
        int maxHeaderListSize,
        int maxResetsPerWindow,
        Duration resetWindow,
        int maxQueuedControlFrames) {

    /** HTTP/2 off; every other setting at its default. */
    public static final Http2Config DISABLED = builder().build();

    public Http2Config {
        Objects.requireNonNull(resetWindow, "resetWindow");
        if (maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("maxConcurrentStreams must be positive: " + maxConcurrentStreams);
        }
        // RFC 9113 §6.5.2: window sizes above 2^31-1 are a FLOW_CONTROL_ERROR, frame sizes outside 2^14..2^24-1 too
        if (initialWindowSize < 1) {
            throw new IllegalArgumentException("initialWindowSize must be 1 to 2147483647: " + initialWindowSize);
        }
        if (maxFrameSize < 16_384 || maxFrameSize > 16_777_215) {
            throw new IllegalArgumentException("maxFrameSize must be 16384 to 16777215: " + maxFrameSize);
        }
        if (maxHeaderListSize < 1) {
            throw new IllegalArgumentException("maxHeaderListSize must be positive: " + maxHeaderListSize);
        }
        if (maxResetsPerWindow < 1) {
            throw new IllegalArgumentException("maxResetsPerWindow must be positive: " + maxResetsPerWindow);
        }
        if (resetWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("resetWindow must be at least one second: " + resetWindow);
        }
        if (maxQueuedControlFrames < 1) {
            throw new IllegalArgumentException("maxQueuedControlFrames must be positive: " + maxQueuedControlFrames);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .enabled(enabled)
                .maxConcurrentStreams(maxConcurrentStreams)
                .initialWindowSize(initialWindowSize)
                .maxFrameSize(maxFrameSize)
                .maxHeaderListSize(maxHeaderListSize)
                .maxResetsPerWindow(maxResetsPerWindow)
                .resetWindow(resetWindow)
                .maxQueuedControlFrames(maxQueuedControlFrames);
    }

    /** Fluent builder with the defaults documented in the README. Not thread-safe. */
    public static final class Builder {
        private boolean enabled;
        private int maxConcurrentStreams = 128;
        private int initialWindowSize = 65_535;
        private int maxFrameSize = 16_384;
        private int maxHeaderListSize = 8192;
        private int maxResetsPerWindow = 200;
        private Duration resetWindow = Duration.ofSeconds(30);
        private int maxQueuedControlFrames = 10_000;

        Builder() {
        }

        public Builder enabled(boolean enabled) { this.enabled = enabled; return this; }
        public Builder maxConcurrentStreams(int n) { this.maxConcurrentStreams = n; return this; }
        public Builder initialWindowSize(int bytes) { this.initialWindowSize = bytes; return this; }
        public Builder maxFrameSize(int bytes) { this.maxFrameSize = bytes; return this; }
        public Builder maxHeaderListSize(int bytes) { this.maxHeaderListSize = bytes; return this; }
        public Builder maxResetsPerWindow(int n) { this.maxResetsPerWindow = n; return this; }
        public Builder resetWindow(Duration window) { this.resetWindow = window; return this; }
        public Builder maxQueuedControlFrames(int n) { this.maxQueuedControlFrames = n; return this; }

        public Http2Config build() {
            return new Http2Config(enabled, maxConcurrentStreams, initialWindowSize, maxFrameSize, maxHeaderListSize,
                    maxResetsPerWindow, resetWindow, maxQueuedControlFrames);
        }
    }
}
