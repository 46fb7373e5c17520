package dev.pronto.spring.boot;

import static dev.pronto.spring.boot.PropertyChecks.atLeastOne;
import static dev.pronto.spring.boot.PropertyChecks.positive;

import dev.pronto.container.Http2Config;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * {@code server.pronto.http2.*}: HTTP/2 settings and abuse limits (HTTP/2 itself is turned on by Boot's
 * {@code server.http2.enabled}). Unset values keep {@link Http2Config}'s defaults. Bound once.
 */
public class ProntoHttp2Properties {

    /** SETTINGS_MAX_CONCURRENT_STREAMS. Default: 128. */
    private Integer maxConcurrentStreams;

    /** SETTINGS_INITIAL_WINDOW_SIZE: request body bytes a stream may send ahead of the application. Default: 65535B. */
    private DataSize initialWindowSize;

    /** SETTINGS_MAX_FRAME_SIZE (16KB to 16MB - 1). Default: 16KB. */
    private DataSize maxFrameSize;

    /** SETTINGS_MAX_HEADER_LIST_SIZE: 431 beyond, GOAWAY far beyond. Default: 8KB. */
    private DataSize maxHeaderListSize;

    /** RST_STREAM frames a client may send per reset-window before GOAWAY (rapid reset). Default: 200. */
    private Integer maxResetsPerWindow;

    /** The window max-resets-per-window counts over. Default: 30s. */
    private Duration resetWindow;

    /** Control frames queued for a client that does not read them before the connection is closed. Default: 10000. */
    private Integer maxQueuedControlFrames;

    public Integer getMaxConcurrentStreams() { return maxConcurrentStreams; }
    public void setMaxConcurrentStreams(Integer v) { this.maxConcurrentStreams = atLeastOne(v); }
    public DataSize getInitialWindowSize() { return initialWindowSize; }
    public void setInitialWindowSize(DataSize v) { this.initialWindowSize = v; }
    public DataSize getMaxFrameSize() { return maxFrameSize; }
    public void setMaxFrameSize(DataSize v) { this.maxFrameSize = v; }
    public DataSize getMaxHeaderListSize() { return maxHeaderListSize; }
    public void setMaxHeaderListSize(DataSize v) { this.maxHeaderListSize = v; }
    public Integer getMaxResetsPerWindow() { return maxResetsPerWindow; }
    public void setMaxResetsPerWindow(Integer v) { this.maxResetsPerWindow = atLeastOne(v); }
    public Duration getResetWindow() { return resetWindow; }
    public void setResetWindow(Duration v) { this.resetWindow = positive(v); }
    public Integer getMaxQueuedControlFrames() { return maxQueuedControlFrames; }
    public void setMaxQueuedControlFrames(Integer v) { this.maxQueuedControlFrames = atLeastOne(v); }

    /** The settings as {@link Http2Config} (not enabled: that is {@code server.http2.enabled}'s job). */
    public Http2Config toConfig() {
        Http2Config.Builder b = Http2Config.DISABLED.toBuilder();
        if (maxConcurrentStreams != null) {
            b.maxConcurrentStreams(maxConcurrentStreams);
        }
        if (initialWindowSize != null) {
            b.initialWindowSize((int) Math.min(Integer.MAX_VALUE, initialWindowSize.toBytes()));
        }
        if (maxFrameSize != null) {
            b.maxFrameSize((int) Math.min(Integer.MAX_VALUE, maxFrameSize.toBytes()));
        }
        if (maxHeaderListSize != null) {
            b.maxHeaderListSize((int) Math.min(Integer.MAX_VALUE, maxHeaderListSize.toBytes()));
        }
        if (maxResetsPerWindow != null) {
            b.maxResetsPerWindow(maxResetsPerWindow);
        }
        if (resetWindow != null) {
            b.resetWindow(resetWindow);
        }
        if (maxQueuedControlFrames != null) {
            b.maxQueuedControlFrames(maxQueuedControlFrames);
        }
        return b.build();
    }
}
