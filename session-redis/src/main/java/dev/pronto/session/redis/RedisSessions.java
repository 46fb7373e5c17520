package dev.pronto.session.redis;

import dev.pronto.servlet.session.SharedSessionStore;
import io.lettuce.core.RedisURI;
import java.time.Duration;

/**
 * Makes session stores on Redis: {@code app.sessionStore(RedisSessions.store("redis://localhost:6379"))}. Each web
 * application needs its own store (it owns one connection, closed when the application is destroyed). Thread-safe.
 */
public final class RedisSessions {

    /** Key namespace unless the URI says otherwise ({@code ?namespace=…} is not a Lettuce option: ours). */
    public static final String DEFAULT_NAMESPACE = "pronto:session";

    /** Command timeout unless the URI sets one ({@code ?timeout=5s}); a request waits at most this long on Redis. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    static {
        // Pronto ships Netty's io_uring transport next to epoll; Lettuce 7.5 then warns on every client and applies
        // io_uring keep-alive options to its epoll channels (one "Unknown channel option" warning each). Our one
        // connection is best on epoll/NIO: keep Lettuce off io_uring unless the application decided otherwise.
        if (System.getProperty("io.lettuce.core.iouring") == null) {
            System.setProperty("io.lettuce.core.iouring", "false");
        }
    }

    private RedisSessions() {
    }

    /**
     * A store on the Redis at {@code uri}, in Lettuce's syntax: {@code redis://[user:password@]host[:port][/database]}
     * ({@code rediss://} for TLS) with {@code ?timeout=…}; plus {@code namespace=…} for the key prefix (default
     * {@value #DEFAULT_NAMESPACE}). Nothing connects until the first request needs a session.
     */
    public static SharedSessionStore store(String uri) {
        String namespace = DEFAULT_NAMESPACE;
        String lettuceUri = uri;
        int q = uri.indexOf('?');
        if (q >= 0) {
            StringBuilder rest = new StringBuilder();
            for (String parameter : uri.substring(q + 1).split("&")) {
                if (parameter.startsWith("namespace=")) {
                    namespace = parameter.substring("namespace=".length());
                } else if (!parameter.isEmpty()) {
                    rest.append(rest.length() == 0 ? '?' : '&').append(parameter);
                }
            }
            lettuceUri = uri.substring(0, q) + rest;
        }
        RedisURI redisUri = RedisURI.create(lettuceUri);
        if (!lettuceUri.contains("timeout=")) {
            redisUri.setTimeout(DEFAULT_TIMEOUT);
        }
        RedisSessionRepository repository = new RedisSessionRepository(redisUri, namespace);
        return new SharedSessionStore(repository, repository.name());
    }
}
