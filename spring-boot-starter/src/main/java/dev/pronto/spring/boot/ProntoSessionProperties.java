package dev.pronto.spring.boot;

/** Where sessions live, {@code server.pronto.session.*}. Bound once. */
public class ProntoSessionProperties {

    /** memory (this instance only) or redis (shared by every instance; needs pronto-session-redis). */
    private Store store = Store.MEMORY;

    private final Redis redis = new Redis();

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Redis getRedis() {
        return redis;
    }

    /** The store's URI, or null for memory. */
    String storeUri() {
        return store == Store.REDIS ? redis.getUri() : null;
    }

    /** The session stores Pronto can use. */
    public enum Store { MEMORY, REDIS }

    /** {@code server.pronto.session.redis.*}. */
    public static class Redis {

        /**
         * Lettuce URI of the Redis that holds the sessions: redis://[user:password@]host[:port][/database]
         * (rediss:// for TLS), with ?timeout=2s (the default) and &namespace=pronto:session (the key prefix).
         */
        private String uri = "redis://localhost:6379";

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }
    }
}
