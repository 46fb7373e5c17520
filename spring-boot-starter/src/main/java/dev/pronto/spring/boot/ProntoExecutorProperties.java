package dev.pronto.spring.boot;

import dev.pronto.servlet.worker.RequestExecutor;

/** {@code server.pronto.executor.*}: the threads that run blocking (ordinary) servlet code. Bound once. */
public class ProntoExecutorProperties {

    /** auto (virtual threads on Java 21+, else a platform pool), virtual or platform. */
    private RequestExecutor.Kind kind = RequestExecutor.Kind.AUTO;

    /** Requests running at once; 0 for the default (10000 on virtual threads, 200 platform threads). */
    private int maxConcurrency;

    public RequestExecutor.Kind getKind() {
        return kind;
    }

    public void setKind(RequestExecutor.Kind kind) {
        RequestExecutor.checkAvailable(kind);
        this.kind = kind;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("must be 0 (the default) or more");
        }
        this.maxConcurrency = maxConcurrency;
    }
}
