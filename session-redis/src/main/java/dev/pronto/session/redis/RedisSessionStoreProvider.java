package dev.pronto.session.redis;

import dev.pronto.servlet.session.SessionStore;
import dev.pronto.servlet.session.SessionStoreProvider;

/** Lets {@code --session-store redis://…} and {@code server.pronto.session.store=redis} find this module. */
public final class RedisSessionStoreProvider implements SessionStoreProvider {

    @Override
    public boolean supports(String scheme) {
        return scheme.equals("redis") || scheme.equals("rediss");
    }

    @Override
    public SessionStore create(String uri) {
        return RedisSessions.store(uri);
    }
}
