package dev.pronto.session.redis;

import dev.pronto.servlet.session.SessionRepository;
import dev.pronto.servlet.session.SessionStoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in Redis through one Lettuce connection (thread-safe, pipelined by Lettuce; it reconnects by itself):
 * one hash per session, {@code pronto:session:<context>:<id>}, holding its times, its timeout and one field per
 * serialized attribute, with the session's timeout as the key's TTL. Writes are Lua scripts, so that a write to a
 * session deleted or renamed meanwhile does not bring it back. Commands are synchronous with a short timeout
 * (callers are request workers); while Redis is down they fail at once ({@code REJECT_COMMANDS}).
 */
final class RedisSessionRepository implements SessionRepository {

    /** Hash fields: times in epoch milliseconds and the timeout in seconds, as decimal text; attributes prefixed. */
    static final String CREATED = "#created";
    static final String ACCESSED = "#accessed";
    static final String MAX_INACTIVE = "#maxInactive";
    static final String ATTRIBUTE = "a:";

    // KEYS[1] the session; ARGV: create (1|0), ttl millis (<= 0: none), count of removed names, removed..., pairs...
    private static final String SAVE = """
            if ARGV[1] == '0' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local removed = tonumber(ARGV[3])
            if removed > 0 then redis.call('HDEL', KEYS[1], unpack(ARGV, 4, 3 + removed)) end
            redis.call('HSET', KEYS[1], unpack(ARGV, 4 + removed))
            local ttl = tonumber(ARGV[2])
            if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
            return 1
            """;
    private static final String RENAME = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('RENAME', KEYS[1], KEYS[2])
            return 1
            """;

    private final RedisURI uri;
    private final String name;
    private volatile String keyPrefix;
    private ClientResources resources;
    private RedisClient client;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private final Map<String, String> scriptShas = new HashMap<>();

    RedisSessionRepository(RedisURI uri, String namespace) {
        this.uri = uri;
        this.name = "redis://" + uri.getHost() + ':' + uri.getPort() + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
        this.keyPrefix = namespace + ":";
    }

    /** How logs name this store: scheme, host, port and database, never a password. */
    String name() {
        return name;
    }

    @Override
    public void attach(String contextPath) {
        // one application's ids never name another's session (Servlet 6.1 §7.3: sessions are scoped to a context)
        keyPrefix = keyPrefix + (contextPath.isEmpty() ? "ROOT" : contextPath.substring(1)) + ":";
    }

    String key(String id) {
        return keyPrefix + id;
    }

    @Override
    public Stored load(String id) {
        Map<byte[], byte[]> hash = commands().hgetall(bytes(key(id)));
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        long created = 0;
        long accessed = 0;
        int maxInactive = 0;
        Map<String, byte[]> attributes = new HashMap<>();
        for (Map.Entry<byte[], byte[]> e : hash.entrySet()) {
            String field = new String(e.getKey(), StandardCharsets.UTF_8);
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), e.getValue());
            } else if (field.equals(CREATED)) {
                created = Long.parseLong(text(e.getValue()));
            } else if (field.equals(ACCESSED)) {
                accessed = Long.parseLong(text(e.getValue()));
            } else if (field.equals(MAX_INACTIVE)) {
                maxInactive = Integer.parseInt(text(e.getValue()));
            }
        }
        if (created == 0) {
            return null; // a hash left by a write racing a delete; not a session
        }
        return new Stored(created, accessed, maxInactive, attributes);
    }

    @Override
    public boolean save(String id, Write write) {
        List<byte[]> args = new ArrayList<>(8 + 2 * write.changed().size() + write.removed().size());
        args.add(bytes(write.create() ? "1" : "0"));
        args.add(bytes(Long.toString(write.maxInactiveInterval() > 0 ? write.maxInactiveInterval() * 1000L : 0)));
        args.add(bytes(Integer.toString(write.removed().size())));
        for (String removed : write.removed()) {
            args.add(bytes(ATTRIBUTE + removed));
        }
        if (write.create()) {
            args.add(bytes(CREATED));
            args.add(bytes(Long.toString(write.creationTime())));
        }
        args.add(bytes(ACCESSED));
        args.add(bytes(Long.toString(write.lastAccessedTime())));
        args.add(bytes(MAX_INACTIVE));
        args.add(bytes(Integer.toString(write.maxInactiveInterval())));
        for (Map.Entry<String, byte[]> e : write.changed().entrySet()) {
            args.add(bytes(ATTRIBUTE + e.getKey()));
            args.add(e.getValue());
        }
        return script(SAVE, new byte[][] {bytes(key(id))}, args.toArray(new byte[0][]));
    }

    @Override
    public boolean rename(String oldId, String newId) {
        return script(RENAME, new byte[][] {bytes(key(oldId)), bytes(key(newId))});
    }

    @Override
    public void delete(String id) {
        commands().del(bytes(key(id)));
    }

    @Override
    public boolean exists(String id) {
        Long n = commands().exists(bytes(key(id)));
        return n != null && n > 0;
    }

    /** Runs a script by its SHA1, loading it first (again after a Redis restart forgot it: NOSCRIPT). */
    private boolean script(String script, byte[][] keys, byte[]... args) {
        RedisCommands<byte[], byte[]> commands = commands();
        String sha = sha(commands, script, false);
        Long result;
        try {
            result = commands.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            result = commands.evalsha(sha(commands, script, true), ScriptOutputType.INTEGER, keys, args);
        }
        return result != null && result == 1L;
    }

    private String sha(RedisCommands<byte[], byte[]> commands, String script, boolean reload) {
        synchronized (scriptShas) {
            String sha = reload ? null : scriptShas.get(script);
            if (sha == null) {
                sha = commands.scriptLoad(bytes(script));
                scriptShas.put(script, sha);
            }
            return sha;
        }
    }

    /** The connection, made on first use (so the application starts while Redis is down); Lettuce keeps it up. */
    private RedisCommands<byte[], byte[]> commands() {
        StatefulRedisConnection<byte[], byte[]> current = connection;
        if (current == null) {
            current = connect();
        }
        return current.sync();
    }

    private synchronized StatefulRedisConnection<byte[], byte[]> connect() {
        if (connection != null) {
            return connection;
        }
        if (client == null) {
            // a small client: one I/O thread is plenty for one pipelined connection
            resources = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
            client = RedisClient.create(resources, uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
        }
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RedisException e) {
            throw new SessionStoreException("Cannot connect to " + name + ": " + e.getMessage(), e);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        StatefulRedisConnection<byte[], byte[]> current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            client = null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
